import { AgencyMatcher, matchingName } from '../core/audit/names';
import { resolveReport, type ValueReview } from '../core/resolve';
import type { Report } from '../core/types';
import { getRegistry } from './audit';
import { ClaimLost } from './errors';
import type { ReportView } from './items';
import { currentKin, putKin } from './kin';
import { reviseReport } from './revise-report';
import { getRecordObject, putRecordObject } from './record-object';
import { valueReviewsOf } from './value-reviews';

/** Concurrent ingests of one agency's years retry a lost revision this many times. */
const ATTEMPTS = 5;

/**
 * After a report of year N is stored (or an officer decided one of its rows): the current reports of years N−1, N and N+1 of the same
 * agency (names matched as the audit matches them) decide their open cells anew from officers'
 * reviews and their own neighbours, and each whose record changes is stored as a new revision (record object, item,
 * findings). Each resolution reads only what every report decided itself, so the order in which
 * the years arrive, and redelivery, give the same records. Returns the ids revised.
 */
export async function resolveNeighbourhood(bucket: string, report: Report): Promise<string[]> {
  if (report.status !== 'parsed' || report.agency === null || report.year === null) return [];
  const name = await kinName(report.agency);
  await putKin(name, report);
  for (let attempt = 1; ; attempt++) {
    try {
      return await reviseAround(bucket, name, report.year);
    } catch (err) {
      if (!(err instanceof ClaimLost) || attempt >= ATTEMPTS) throw err;
    }
  }
}

/** The agency's matching name, with the registry the audit stored (none stored: the printed name alone). */
export async function kinName(agency: string): Promise<string> {
  return matchingName(agency, new AgencyMatcher(await getRegistry()));
}

async function reviseAround(bucket: string, name: string, year: number): Promise<string[]> {
  const loaded = new Map<number, { view: ReportView; record: Report }[]>();
  const reviews = new Map<number, ValueReview[]>();
  await Promise.all([-1, 0, 1].map(async (d) => reviews.set(year + d, await valueReviewsOf(name, year + d))));
  await Promise.all(
    [-2, -1, 0, 1, 2].map(async (d) => {
      const views = await currentKin(name, year + d);
      loaded.set(year + d, await Promise.all(views.map(async (view) => ({ view, record: await getRecordObject(bucket, view.recordKey!) }))));
    }),
  );
  const revised: string[] = [];
  for (const y of [year - 1, year, year + 1]) {
    for (const { view, record } of loaded.get(y) ?? []) {
      const neighbours = [...(loaded.get(y - 1) ?? []), ...(loaded.get(y + 1) ?? [])].map((n) => n.record);
      const next = resolveReport(record, neighbours, reviews.get(y));
      // As stored: JSON drops the undefined fields a fresh rule run carries.
      if (JSON.stringify(next) === JSON.stringify(record)) continue;
      await reviseReport(view, next);
      await putRecordObject(bucket, next);
      revised.push(view.id);
    }
  }
  return revised;
}
