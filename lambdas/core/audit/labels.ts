import { T3_COL_NAMES } from '../tables/row-defs';

/** Chinese names of the figures audit messages cite, so a finding reads without the key dictionary. */
const FIGURES: Record<string, string> = {
  't3.newReceived.total': '本年新收申请数',
  't4.review.total': '行政复议总数',
  't4.litigation.sum.total': '行政诉讼总数',
  't2.licensing.decisions': '行政许可处理决定数',
  't2.penalty.decisions': '行政处罚处理决定数',
};


const DOCUMENTS: Record<string, string> = { rules: '规章', normative: '行政规范性文件' };

/** The figure's Chinese name, or its key when it has none. */
export const figureLabel = (key: string) => FIGURES[key] ?? key;
export const columnLabel = (col: string) => T3_COL_NAMES[col] ?? col;
export const documentLabel = (kind: string) => DOCUMENTS[kind] ?? kind;
