import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { SEVERITIES, type FindingCounts } from './core/findings/counts';
import type { Context } from 'aws-lambda';

/** CloudWatch namespace of every business metric; lib/monitoring.ts reads the same names. */
export const METRICS_NAMESPACE = 'OgiAudit';

/** Metric names the ingest function publishes (Count, one datapoint per report). */
export const INGEST_METRICS = {
  parsed: 'ReportsParsed',
  rejected: 'ReportsRejected',
  failed: 'ReportsFailed',
  duplicate: 'ReportsDuplicate',
} as const;

/** Findings by severity: `Findings<Severity>`, e.g. FindingsError. */
export const findingsMetric = (severity: 'error' | 'warning' | 'info') => `Findings${severity[0].toUpperCase()}${severity.slice(1)}`;

/** What the OCR function publishes besides each report's outcome: pages read, figures held back (待核实), seconds a page. */
export const OCR_METRICS = {
  pages: 'ScanPagesRead',
  uncertain: 'ScanFiguresUncertain',
  secondsPerPage: 'ScanSecondsPerPage',
} as const;

/** One stored report's outcome and its findings by severity (a redelivered upload counts as a duplicate only). */
export function countOutcome(metrics: Metrics, r: { duplicate?: boolean; status: string; findingCounts?: FindingCounts }): void {
  if (r.duplicate) {
    metrics.addMetric(INGEST_METRICS.duplicate, MetricUnit.Count, 1);
    return;
  }
  if (r.status === 'parsed' || r.status === 'rejected' || r.status === 'failed') metrics.addMetric(INGEST_METRICS[r.status], MetricUnit.Count, 1);
  // Assessable findings by severity (core/findings/counts.ts); checks that could not be made are no finding to alarm on.
  if (r.findingCounts) for (const severity of SEVERITIES) metrics.addMetric(findingsMetric(severity), MetricUnit.Count, r.findingCounts[severity]);
}

export interface Telemetry {
  logger: Logger;
  metrics: Metrics;
  tracer: Tracer;
}

/**
 * Powertools logger, metrics (CloudWatch EMF on stdout) and tracer (X-Ray) for one function.
 * Outside Lambda the tracer is off by itself; metrics are off where POWERTOOLS_METRICS_DISABLED
 * or POWERTOOLS_DEV says so (npm start and the tests set it), so local runs print no EMF blobs.
 */
export function telemetry(serviceName: string): Telemetry {
  return {
    logger: new Logger({ serviceName }),
    metrics: new Metrics({ namespace: METRICS_NAMESPACE, serviceName }),
    tracer: new Tracer({ serviceName }),
  };
}

/**
 * Runs one invocation inside a `## handler` subsegment (cold start and service annotated, the
 * error recorded), then publishes the metrics gathered, whether it succeeded or threw. With
 * Lambda's context, every log line of the invocation carries its request id, function name and
 * cold start (Powertools' `addContext`, what its `injectLambdaContext` does), so one invocation's
 * lines can be found together; locally there is none.
 */
export async function instrumented<T>({ logger, metrics, tracer }: Telemetry, context: Context | undefined, fn: () => Promise<T>): Promise<T> {
  if (context) logger.addContext(context);
  const parent = tracer.isTracingEnabled() ? tracer.getSegment() : undefined;
  const sub = parent?.addNewSubsegment('## handler');
  if (sub) tracer.setSegment(sub);
  tracer.annotateColdStart();
  tracer.addServiceNameAnnotation();
  try {
    return await fn();
  } catch (err) {
    sub?.addError(err as Error);
    throw err;
  } finally {
    sub?.close();
    if (parent) tracer.setSegment(parent);
    // Only when there is something: the API publishes none, and an empty flush logs a warning.
    if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
  }
}

export { MetricUnit };
