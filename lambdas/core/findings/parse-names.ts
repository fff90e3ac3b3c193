import type { Bilingual } from '../rules/rule';

/**
 * The parser's own findings (`P-…`: what reading the file could not do) by name, as the report and
 * audit rules carry theirs, so an officer reads 拆分不唯一 rather than `P-SPLIT-AMBIGUOUS`.
 */
export const PARSE_FAMILY = {
  id: 'P',
  name: { zh: '解析问题', en: 'Reading the file' },
  description: {
    zh: '文件中未能可靠读取的部分：数字连写无法唯一拆分、单元格数不符、表格被截断、文件被拒收等。',
    en: 'What could not be read reliably: run-together numbers with several splits, rows of the wrong shape, cut tables, rejected files.',
  },
  basis: '国务院办公厅政府信息公开办公室《政府信息公开工作年度报告格式》',
} as const;

export const PARSE_FINDINGS: Record<string, Bilingual> = {
  'P-SPLIT-AMBIGUOUS': { zh: '数字拆分不唯一', en: 'Run-together cells split several ways' },
  'P-ROW-SHAPE': { zh: '行的单元格数不符', en: 'Row of the wrong shape' },
  'P-ROW-UNPLACED': { zh: '无行名的行无法归位', en: 'Unlabelled rows not placed' },
  'P-TABLE-CUT': { zh: '表格被页面截断', en: 'Table cut at the page edge' },
  'P-FIGURE-CUT': { zh: '数字被分页或窄格截断', en: 'Figure cut by a page break or a narrow cell' },
  'P-CELL-ORDER': { zh: '单元格顺序无法确定', en: 'Order of the cells uncertain' },
  'P-TABLE-LOST': { zh: '表格在转换中丢失', en: 'Table lost by the conversion' },
  'P-CELL-NUMBERS': { zh: '一格多个数字', en: 'Several numbers in one cell' },
  'P-NUMBER-NO-COLUMN': { zh: '数字不在任何列内', en: 'Number outside every column' },
  'P-AGENCY-UNCERTAIN': { zh: '机关名称不确定', en: 'Agency name uncertain' },
  'P-NOT-A-REPORT': { zh: '不是年度报告', en: 'Not an annual report' },
  'P-REJECTED': { zh: '文件被拒收', en: 'File rejected' },
  'P-TOO-LARGE': { zh: '文件过大', en: 'File too large' },
  'P-PDF-NO-TEXT': { zh: 'PDF 没有文字层', en: 'PDF without a text layer' },
  'P-OCR-UNCERTAIN': { zh: '扫描识别不确定，待核实', en: 'Scanned figures read unsurely, for review' },
  'P-SCAN-EMPTY': { zh: '扫描件没有页面图像', en: 'Scan without a page image' },
  'P-SCAN-NO-TEXT': { zh: '扫描件识别不到文字', en: 'No text found on the scan' },
  'P-IMAGE-DAMAGED': { zh: '图片无法读取', en: 'Image cannot be read' },
  'P-IMAGE-TOO-LARGE': { zh: '图片像素过多', en: 'Image with too many pixels' },
  'P-PDF-ENCRYPTED': { zh: 'PDF 已加密', en: 'Encrypted PDF' },
  'P-PDF-TRUNCATED': { zh: 'PDF 不完整', en: 'Truncated PDF' },
  'P-PDF-DAMAGED': { zh: 'PDF 已损坏', en: 'Damaged PDF' },
  'P-PDF-TOO-LONG': { zh: 'PDF 页数过多', en: 'PDF with too many pages' },
  'P-PDF-TIMEOUT': { zh: '读取 PDF 超时', en: 'PDF reading timed out' },
  'P-PDF-CONTENT-TOO-LARGE': { zh: 'PDF 内容过大', en: 'PDF content too large' },
  'P-MEMORY-LIMIT': { zh: '解析超出内存上限', en: 'Parse over the memory bound' },
  'P-TIME-LIMIT': { zh: '解析超时', en: 'Parse over the time bound' },
};

/** A parse finding's name; a `P-…` id not listed (a newer parser's) reads as the family. */
export const parseFindingName = (rule: string): Bilingual => PARSE_FINDINGS[rule] ?? PARSE_FAMILY.name;
