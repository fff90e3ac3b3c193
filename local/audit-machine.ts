import { readFileSync } from 'node:fs';
import type { AuditRun, AuditRunRecord } from '../lambdas/core/audit';
import { AUDIT_STATES } from '../lambdas/audit/states';
import type { ExecutionStatusEvent } from '../lambdas/audit/run-status';
import { AUDIT_DEFINITION_FILE } from '../lib/audit-definition';

/** The interpreter calls Promise.withResolvers (ES2024): Node 22 has it, Node 20 gets these lines. */
const P = Promise as unknown as { withResolvers?: () => unknown };
P.withResolvers ??= () => {
  let resolve!: (v: unknown) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise((a, b) => ((resolve = a), (reject = b)));
  return { promise, resolve, reject };
};

type Handler = (input: never) => Promise<unknown>;

export interface LocalAuditOptions {
  /** The execution's name, the run id (default: the start time, `20250201T020000123Z`). Run again under the same name, a run resumes as a redrive does. */
  name?: string;
  /** Handlers by Task state name in place of the real ones (tests inject a failing child). */
  handlers?: Partial<Record<string, Handler>>;
}

export type LocalAuditResult = { ok: true; run: AuditRun } | { ok: false; status: AuditRunRecord['status']; error: string };

/**
 * The audit state machine run here as in AWS: the definition synthesized from lib/audit.ts
 * (lib/audit-state-machine.asl.json) on `aws-local-stepfunctions`, each Task bound to the handler
 * the Lambda runs, the map's 32 children in parallel in this process (they wait on DynamoDB and S3,
 * so threads would add nothing). When the execution fails, the run is recorded by the same function
 * the execution status rule invokes in AWS, with the event EventBridge would send.
 */
export async function runAuditMachine(input: Record<string, unknown>, opts: LocalAuditOptions = {}): Promise<LocalAuditResult> {
  // Loaded on use: the CLI's other commands need none of it (nor the handlers' dependencies).
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { StateMachine, ExecutionTimeoutError, ExecutionAbortedError } = require('aws-local-stepfunctions') as typeof import('aws-local-stepfunctions');
  const statusHandler = (require('../lambdas/audit/run-status') as typeof import('../lambdas/audit/run-status')).handler;
  const handlers: Record<string, Handler> = {
    [AUDIT_STATES.begin]: (require('../lambdas/audit/begin-run') as typeof import('../lambdas/audit/begin-run')).handler as Handler,
    [AUDIT_STATES.shard]: (require('../lambdas/audit/read-shard') as typeof import('../lambdas/audit/read-shard')).handler as Handler,
    [AUDIT_STATES.reduce]: (require('../lambdas/audit/reduce') as typeof import('../lambdas/audit/reduce')).handler as Handler,
    [AUDIT_STATES.store]: (require('../lambdas/audit/store-findings') as typeof import('../lambdas/audit/store-findings')).handler as Handler,
    ...(opts.handlers as Record<string, Handler>),
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const definition = JSON.parse(readFileSync(AUDIT_DEFINITION_FILE, 'utf8'));
  const unbound = taskStates(definition).filter((s) => !handlers[s]);
  if (unbound.length) throw new Error(`no local handler for the audit's Task states ${unbound.join(', ')}`);

  const name = opts.name ?? new Date().toISOString().replace(/[-:.]/g, '');
  const startDate = Date.now();
  const execution = new StateMachine(definition).run(input as never, {
    context: { Execution: { Name: name } },
    overrides: {
      taskResourceLocalHandlers: handlers as never,
      // The definition's waits between retries, shortened for a laptop (a lock held by another run: 2 s, not a minute).
      retryIntervalOverrides: { [AUDIT_STATES.shard]: 100, [AUDIT_STATES.reduce]: 100, [AUDIT_STATES.store]: [0, 2000, 100] },
    },
  });
  try {
    return { ok: true, run: (await execution.result) as unknown as AuditRun };
  } catch (err) {
    const status = err instanceof ExecutionTimeoutError ? 'TIMED_OUT' : err instanceof ExecutionAbortedError ? 'ABORTED' : 'FAILED';
    const cause = (err as { cause?: Error }).cause;
    const event: ExecutionStatusEvent = {
      detail: { name, status, startDate, stopDate: Date.now(), input: JSON.stringify(input), error: cause?.name ?? null, cause: cause?.message ?? String(err) },
    };
    await statusHandler(event);
    return {
      ok: false,
      status: status === 'FAILED' ? 'failed' : status === 'TIMED_OUT' ? 'timed-out' : 'aborted',
      error: [event.detail.error, event.detail.cause].filter(Boolean).join(': '),
    };
  }
}

/** The names of every Task state, in nested processors too. */
function taskStates(def: { States: Record<string, { Type: string; ItemProcessor?: unknown; Iterator?: unknown }> }): string[] {
  return Object.entries(def.States).flatMap(([name, s]) => {
    const inner = (s.ItemProcessor ?? s.Iterator) as typeof def | undefined;
    return [...(s.Type === 'Task' ? [name] : []), ...(inner ? taskStates(inner) : [])];
  });
}

/** A run that must succeed (tests, screenshots, benches): its run, or an error saying how it ended. */
export async function auditLocally(input: Record<string, unknown>, opts: LocalAuditOptions = {}): Promise<AuditRun> {
  const result = await runAuditMachine(input, opts);
  if (!result.ok) throw new Error(`the audit run ${result.status}: ${result.error}`);
  return result.run;
}
