import { FORMAT_WORDS, type FormFormat } from '../form';

/**
 * The national format a report follows, from its wording when the tables do not say: the 2019
 * form's own column names and notice number, else the 2021 form's, else the reporting year
 * (the 2019 format served the 2019 and 2020 reports).
 */
export function inferFormat(text: string): FormFormat {
  if (FORMAT_WORDS['2019'].test(text)) return '2019';
  if (FORMAT_WORDS['2021'].test(text)) return '2021';
  const year = text.slice(0, 3000).match(/(20\d\d)\s*年/);
  return year && Number(year[1]) <= 2020 ? '2019' : '2021';
}
