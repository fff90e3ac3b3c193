import type { S3Event } from 'aws-lambda';
import { decodeKey } from '../lambdas/ingest/s3-event';
import { appendDeadLetter } from './dead-letters';

export type S3Handler = (event: S3Event) => Promise<unknown>;

export interface AsyncInvokerOptions<E = S3Event> {
  /** Like reserved concurrency: events handled at once. */
  concurrency?: number;
  /** Lambda retries a failed async invocation twice; the delays are shortened for a laptop. */
  retryDelaysMs?: number[];
  onDeadLetter?: (event: E, error: unknown) => void;
  /** A JSON Lines file the dead letters are appended to, so they outlive the process (`ogi redrive` reads it). */
  deadLetterFile?: string;
  /** What callers wait for of an event (`waitFor`); default the decoded object keys of an S3 event. */
  keysOf?: (event: E) => string[];
}

/** Invocations that exhausted their retries, as the SQS dead-letter queue would hold them. */
export interface DeadLetter<E = S3Event> {
  event: E;
  error: unknown;
}

/**
 * Lambda's asynchronous invocation on one machine: a queue, bounded concurrency, two retries,
 * then a dead-letter list. Counts settled events per object key so callers can wait for theirs.
 */
export class AsyncInvoker<E = S3Event> {
  readonly deadLetters: DeadLetter<E>[] = [];
  private readonly queue: E[] = [];
  private running = 0;
  private readonly settled = new Map<string, number>();
  private waiters: (() => void)[] = [];
  private readonly concurrency: number;
  private readonly retryDelaysMs: number[];

  constructor(
    private readonly handler: (event: E) => Promise<unknown>,
    private readonly opts: AsyncInvokerOptions<E> = {},
  ) {
    this.concurrency = opts.concurrency ?? 4;
    this.retryDelaysMs = opts.retryDelaysMs ?? [200, 1000];
  }

  invoke(event: E): void {
    this.queue.push(event);
    this.pump();
  }

  /** How many events for this key (`keysOf`) have settled, processed or dead-lettered. */
  settledCount(key: string): number {
    return this.settled.get(key) ?? 0;
  }

  /** Resolves once `key` has settled more than `before` times. */
  async waitFor(key: string, before: number): Promise<void> {
    while (this.settledCount(key) <= before) await new Promise<void>((r) => this.waiters.push(r));
  }

  /** Resolves when nothing is queued or running. */
  async idle(): Promise<void> {
    while (this.running > 0 || this.queue.length > 0) await new Promise<void>((r) => this.waiters.push(r));
  }

  private pump(): void {
    while (this.running < this.concurrency && this.queue.length > 0) {
      const event = this.queue.shift()!;
      this.running++;
      void this.run(event).finally(() => {
        this.running--;
        for (const key of (this.opts.keysOf ?? s3Keys)(event as E & S3Event)) this.settled.set(key, this.settledCount(key) + 1);
        const waiters = this.waiters;
        this.waiters = [];
        for (const w of waiters) w();
        this.pump();
      });
    }
  }

  private async run(event: E): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.handler(event);
        return;
      } catch (error) {
        if (attempt >= this.retryDelaysMs.length) {
          this.deadLetters.push({ event, error });
          if (this.opts.deadLetterFile) appendDeadLetter(this.opts.deadLetterFile, event, error);
          this.opts.onDeadLetter?.(event, error);
          return;
        }
        await new Promise((r) => setTimeout(r, this.retryDelaysMs[attempt]));
      }
    }
  }
}

const s3Keys = (event: S3Event) => event.Records.map((r) => decodeKey(r.s3.object.key));
