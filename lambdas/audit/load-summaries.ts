import { AgencyMatcher, AUDIT_KEYS, summarise, type ReportSummary } from '../core/audit';
import { getRecordObject, listReportsByYear, type Page, type ReportView } from '../store';

/** Reports read from the index per page: the page, not the year, is what is held at once. */
const PAGE = 250;
/** Record objects fetched from S3 at once. */
const FETCHES_AT_ONCE = 16;

/**
 * The audit summaries of a year's current reports. Each report's full record (for its narrative
 * sections) is read from S3, reduced to a summary of a few hundred bytes, and dropped, so memory
 * follows the number of reports by summaries only. The next index page is read while the records
 * of the current one are fetched.
 */
export async function loadSummaries(bucket: string, year: number, matcher: AgencyMatcher): Promise<ReportSummary[]> {
  const out: ReportSummary[] = [];
  let next: Promise<Page<ReportView>> | undefined = listReportsByYear(year, { limit: PAGE });
  while (next) {
    const page: Page<ReportView> = await next;
    next = page.cursor ? listReportsByYear(year, { limit: PAGE, cursor: page.cursor }) : undefined;
    const parsed = page.items.filter((r) => r.status === 'parsed');
    const summaries = await mapPool(parsed, FETCHES_AT_ONCE, (view) => summaryOf(bucket, view, matcher));
    for (const s of summaries) if (s) out.push(s);
  }
  return out;
}

async function summaryOf(bucket: string, view: ReportView, matcher: AgencyMatcher): Promise<ReportSummary | null> {
  // The item has the figures; only the narrative needs the record object.
  const sections = view.recordKey ? (await getRecordObject(bucket, view.recordKey)).sections : [];
  return summarise({ ...view, status: 'parsed', sections }, matcher, AUDIT_KEYS);
}

/** `fn` over `items` with at most `limit` calls in flight, results in input order. */
async function mapPool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let at = 0;
  const worker = async () => {
    while (at < items.length) {
      const i = at++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
