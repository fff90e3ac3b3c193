import type { Context } from 'aws-lambda';
import { getReport, kinName, putKin } from '../store';
import { redecideAround } from './neighbourhood';
import { instrumented, telemetry } from '../telemetry';

const t = telemetry('ogi-redecide');
const { logger } = t;

/** What the API hands over once an officer's value review is stored: the report it was made on. */
export interface RedecideEvent {
  reportId: string;
  /** The review's time, for the log line. */
  at?: string;
}

export interface RedecideResult {
  reportId: string;
  /** The reports stored as a new revision (none on a redelivered event: the decision is already in them). */
  revised: string[];
}

/**
 * Applies stored value reviews: the reviewed report's agency-year and the years around it decide
 * their open cells again (reviews, then neighbours), the rules re-run, and each changed report is
 * stored as a new revision. Invoked asynchronously by the API (Lambda retries twice, then the
 * on-failure queue keeps the event); resolution is deterministic, so a redelivered event revises
 * nothing. A report no longer parsed, or gone, is logged and skipped.
 */
export function handler(event: RedecideEvent, context?: Context): Promise<RedecideResult> {
  return instrumented(t, context, async () => {
    const view = await getReport(event.reportId);
    if (!view || view.status !== 'parsed' || !view.recordKey) {
      logger.warn('nothing to re-decide', { ...event, status: view?.status ?? 'missing' });
      return { reportId: event.reportId, revised: [] };
    }
    const bucket = process.env.OGI_BUCKET ?? view.source.bucket;
    const name = await kinName(view.agency!);
    // Filed under its matching name in case it was stored before kin items were.
    await putKin(name, view.year!, view.id);
    const revised = await redecideAround(bucket, name, view.year!);
    logger.info('re-decided', { ...event, revised });
    return { reportId: event.reportId, revised };
  });
}
