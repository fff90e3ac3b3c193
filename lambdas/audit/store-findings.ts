import type { Context } from 'aws-lambda';
import type { AuditFinding, AuditRun } from '../core/audit';
import { lockAuditYear, saveAuditRun, unlockAuditYear } from '../store/audit';
import { findingsMetric, instrumented, MetricUnit, telemetry } from '../telemetry';
import { auditBucket, readText } from './s3';
import { AUDIT_LOCK_MS } from './states';

const t = telemetry('ogi-audit');

/**
 * The run's last step: its findings (from the run's own audit.json) made the year's current audit
 * findings, in parallel batches, and the run recorded as succeeded. It holds the year's lock
 * meanwhile, so two runs never interleave their findings (one that finds it taken is retried,
 * `AuditInProgress`); run again (a retry, a redrive) it writes the same items: no finding twice.
 */
export function handler(run: AuditRun, context?: Context): Promise<AuditRun> {
  return instrumented(t, context, async () => {
    const text = await readText(auditBucket(), run.files.json);
    if (text === undefined) throw new Error(`the run's report ${run.files.json} is missing`);
    const { findings } = JSON.parse(text) as { findings: AuditFinding[] };
    await lockAuditYear(run.year, run.id, AUDIT_LOCK_MS);
    try {
      const stored: AuditRun = { ...run, finishedAt: new Date().toISOString() };
      await saveAuditRun(stored, findings);
      for (const severity of ['error', 'warning', 'info'] as const)
        t.metrics.addMetric(`Audit${findingsMetric(severity)}`, MetricUnit.Count, run.counts.bySeverity[severity] ?? 0);
      t.logger.info('audit run', { ...stored });
      return stored;
    } finally {
      await unlockAuditYear(run.year, run.id);
    }
  });
}
