import { neighboursOf, redecideYear, resolveReport, type ValueReview } from '../core/resolve';
import type { Report } from '../core/types';
import { ClaimLost, currentKin, getRecordObject, putRecordObject, reviseReport, valueReviewsOf, type ReportView } from '../store';

/** Concurrent ingests of one agency's years retry a lost revision this many times. */
const ATTEMPTS = 5;

interface Stored {
  view: ReportView;
  record: Report;
}

/** An agency's current reports of years N−2 … N+2 (item and record) and the reviews of N−1 … N+1: what deciding N−1, N and N+1 reads. */
export interface Neighbourhood {
  name: string;
  year: number;
  reports: Map<number, Stored[]>;
  reviews: Map<number, ValueReview[]>;
}

/** Reads the neighbourhood of `year` for the agency filed under matching name `name`. */
export async function loadNeighbourhood(bucket: string, name: string, year: number): Promise<Neighbourhood> {
  const reports = new Map<number, Stored[]>();
  const reviews = new Map<number, ValueReview[]>();
  await Promise.all([
    ...[-1, 0, 1].map(async (d) => reviews.set(year + d, await valueReviewsOf(name, year + d))),
    ...[-2, -1, 0, 1, 2].map(async (d) => {
      const views = await currentKin(name, year + d);
      reports.set(year + d, await Promise.all(views.map(async (view) => ({ view, record: await getRecordObject(bucket, view.recordKey!) }))));
    }),
  ]);
  return { name, year, reports, reviews };
}

/** A report about to be stored, decided from its year's reviews and the neighbouring years: stored once, already decided. */
export function decideOwn(report: Report, hood: Neighbourhood): Report {
  return resolveReport(report, neighboursOf(report.year!, recordsOf(hood)), hood.reviews.get(report.year!));
}

const recordsOf = (hood: Neighbourhood) => new Map([...hood.reports].map(([y, stored]) => [y, stored.map((s) => s.record)]));

/**
 * Decides the agency's reports of years N−1, N and N+1 anew (the core's redecideYear) and stores each one whose
 * record changes once: item and findings in one transaction under its revision condition, then the
 * record object. A revision lost to a concurrent writer (ClaimLost) reads the neighbourhood again and
 * decides again. Returns the ids revised.
 */
export async function redecideAround(bucket: string, name: string, year: number): Promise<string[]> {
  for (let attempt = 1; ; attempt++) {
    const hood = await loadNeighbourhood(bucket, name, year);
    try {
      return await reviseYears(bucket, hood, [year - 1, year, year + 1]);
    } catch (err) {
      if (!(err instanceof ClaimLost) || attempt >= ATTEMPTS) throw err;
    }
  }
}

async function reviseYears(bucket: string, hood: Neighbourhood, years: number[]): Promise<string[]> {
  const records = recordsOf(hood);
  const revised: string[] = [];
  for (const y of years) {
    for (const next of redecideYear(y, records, hood.reviews)) {
      const { view } = hood.reports.get(y)!.find((s) => s.record.id === next.id)!;
      await reviseReport(view, next);
      await putRecordObject(bucket, next);
      revised.push(view.id);
    }
  }
  return revised;
}
