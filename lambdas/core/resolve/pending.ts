import { openKeys, remaining } from '../tables/undecided';
import type { PendingValue, Report } from '../types';
import { appliesBetween, CROSS_YEAR } from '../form';
import { satisfying, sideOf } from './decide';

/** Readings an officer is offered per row (the item must stay small): beyond them the officer types the values. */
const LISTED = 32;

/** The report's open rows with their possible readings and, for each, the identities with the neighbouring years it satisfies. */
export function pendingValues(report: Report, neighbours: Report[]): PendingValue[] {
  const ours = sideOf(report);
  const pairs = neighbours.filter((n) => n.status === 'parsed' && n.year !== null && report.year !== null && Math.abs(n.year - report.year) === 1);
  return (report.undecided ?? []).flatMap((row) => {
    const open = openKeys(row, report.values);
    if (open.length === 0) return [];
    const readings = remaining(row, report.values);
    const texts = row.texts.filter((_, i) => readings.includes(row.candidates[i]));
    return [
      {
        row: row.keys[0],
        keys: row.keys,
        open,
        label: row.label,
        printed: row.printed,
        ...(row.truncated || readings.length > LISTED ? { truncated: true } : {}),
        readings: readings.slice(0, LISTED).map((values, i) => ({ values, texts: texts[i], satisfies: satisfied(report, ours, pairs, row.keys, values) })),
      },
    ];
  });
}

/** The cross-year identity instances touching the row that hold for some reading of the other open rows, with this reading fixed. */
function satisfied(report: Report, ours: ReturnType<typeof sideOf>, neighbours: Report[], keys: string[], values: (number | null)[]): string[] {
  const fixed = { ...ours, values: { ...report.values, ...Object.fromEntries(keys.flatMap((k, i) => (values[i] === null ? [] : [[k, values[i]]]))) } };
  return neighbours.flatMap((n) => {
    const later = n.year! > report.year!;
    const [e, l] = later ? [report.format, n.format] : [n.format, report.format];
    const theirs = sideOf(n);
    return CROSS_YEAR.filter((id) => appliesBetween(id, e, l)).flatMap((id) =>
      id.instances
        .filter((inst) => (later ? inst.earlier : inst.later).some((k) => keys.includes(k)))
        .filter((inst) => {
          const found = satisfying(inst, fixed, theirs, later);
          return found !== 'unusable' && found.sat.length > 0;
        })
        .map((inst) => `${inst.text} (${n.id})`),
    );
  });
}
