import { formatMarks } from '../form';
import type { Format } from '../types';

/** The format from the tables' shape, not from the year: a 2021 report on the old form is a finding. */
export function detectFormat(tableText: string): Format {
  const s = tableText.replace(/\s+/g, '');
  const n21 = formatMarks('2021', s);
  const n19 = formatMarks('2019', s);
  if (n21 === 0 && n19 === 0) return 'unknown';
  return n21 >= n19 ? '2021' : '2019';
}
