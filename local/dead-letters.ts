import type { S3Event } from 'aws-lambda';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where a stack keeps its dead letters (JSON Lines), so they outlive it: `ogi redrive` reads them. */
export const deadLetterFile = (dataDir: string) => path.join(dataDir, 'dead-letters.jsonl');

/** One dead letter per line: the event as delivered, and the error's name and message. */
export interface StoredDeadLetter {
  event: S3Event;
  error: string;
  at: string;
}

export function appendDeadLetter(file: string, event: unknown, error: unknown): void {
  const line = { event, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error), at: new Date().toISOString() };
  appendFileSync(file, JSON.stringify(line) + '\n');
}

/** The dead letters stored in `file`, oldest first. */
export function readDeadLetters(file: string): StoredDeadLetter[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as StoredDeadLetter);
}

/** Replaces the stored dead letters (after a redrive, with the ones that failed again). */
export function writeDeadLetters(file: string, letters: StoredDeadLetter[]): void {
  writeFileSync(file, letters.map((l) => JSON.stringify(l) + '\n').join(''));
}
