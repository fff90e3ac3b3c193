import type { Context } from 'aws-lambda';
import { stopAuditRun, unlockAuditYear } from '../store/audit';
import { instrumented, MetricUnit, telemetry } from '../telemetry';
import { runRequest } from './run-request';

const t = telemetry('ogi-audit');

/** EventBridge's "Step Functions Execution Status Change" event, the fields read here. */
export interface ExecutionStatusEvent {
  detail: {
    name: string;
    status: 'FAILED' | 'TIMED_OUT' | 'ABORTED';
    /** Epoch milliseconds. */
    startDate: number;
    stopDate: number | null;
    /** The execution's input, as JSON text. */
    input: string | null;
    error?: string | null;
    cause?: string | null;
  };
}

const STATUS = { FAILED: 'failed', TIMED_OUT: 'timed-out', ABORTED: 'aborted' } as const;

/**
 * A run that did not succeed, recorded as such so the runs view shows it: its execution failed (a
 * child or the reduce threw after its retries), timed out or was aborted. Also gives up the year's
 * lock if the run held it. The alarm on the state machine's failed executions fires as well.
 */
export function handler(event: ExecutionStatusEvent, context?: Context): Promise<void> {
  return instrumented(t, context, async () => {
    const d = event.detail;
    const startedAt = new Date(d.startDate).toISOString();
    t.metrics.addMetric('AuditFailed', MetricUnit.Count, 1);
    let year: number;
    try {
      year = runRequest(d.input ? JSON.parse(d.input) : {}, startedAt).year;
    } catch (err) {
      // The run never knew its year (its input was refused by the first step): the alarm is all there is.
      t.logger.error('audit run stopped before it had a year', { ...d, error: err as Error });
      return;
    }
    const error = [d.error, d.cause].filter(Boolean).join(': ') || d.status;
    await stopAuditRun({ id: d.name, year, startedAt }, STATUS[d.status], error, new Date(d.stopDate ?? Date.now()).toISOString());
    await unlockAuditYear(year, d.name);
    t.logger.error('audit run did not succeed', { runId: d.name, year, status: d.status, error });
  });
}
