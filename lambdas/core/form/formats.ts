import type { Format } from '../types';

/** The two national formats (fields.md): the 2019 form for reporting years 2019–2020, the 2021 form from 2021 on. */
export type FormFormat = Exclude<Format, 'unknown'>;

export const FORMATS: readonly FormFormat[] = ['2019', '2021'];

/** The circular that set each format. */
export const CIRCULARS: Readonly<Record<FormFormat, string>> = { '2019': '国办公开办函〔2019〕60号', '2021': '国办公开办函〔2021〕30号' };

/** A circular's number as reports cite it (`〔2019〕60号`). */
const circularNumber = (format: FormFormat) => CIRCULARS[format].slice(CIRCULARS[format].indexOf('〔'));

export const isFormFormat = (format: Format): format is FormFormat => format !== 'unknown';

/**
 * Column headings and row labels that only one format prints (on text with whitespace removed):
 * counted in the tables' text, they tell which form a report filled in, whatever its year.
 */
export const FORMAT_MARKS: Readonly<Record<FormFormat, RegExp>> = {
  '2021': /本年制发件数|本年废止件数|现行有效件数|逾期不补正|收费通知要求/,
  '2019': /本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|本年增\/?减|政府集中采购|采购总金额|其他对外管理服务事项/,
};

/** How many of a format's marks a text prints. */
export const formatMarks = (format: FormFormat, text: string): number => text.match(new RegExp(FORMAT_MARKS[format].source, 'g'))?.length ?? 0;

/**
 * What only one format's prose cites: some of its own column names, and its circular's number
 * (`〔2019〕60号`). Read when a report's tables do not say which form they follow.
 */
export const FORMAT_WORDS: Readonly<Record<FormFormat, RegExp>> = {
  '2019': new RegExp(`本年新制作数量|本年新公开数量|其他对外管理服务事项|政府集中采购|${circularNumber('2019')}`),
  '2021': new RegExp(`本年制发件数|现行有效件数|${circularNumber('2021')}`),
};
