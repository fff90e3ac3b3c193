import type { Bilingual } from '../rules/rule';

/**
 * A rejected or failed report's reason in Chinese as well as in English: the parser writes the
 * English sentence (stored as it was), officers read either. The page, the API and the CLI all ask here.
 */

/** The ingest's rejection sentences (English, as the parser writes them) by their opening words. */
const REJECTIONS: { en: RegExp; zh: string }[] = [
  { en: /^The file is empty/, zh: '文件为空。' },
  { en: /^The file is named \.pdf but is not a PDF/, zh: '文件名为 .pdf，但内容不是 PDF。' },
  { en: /^The file is binary data/, zh: '文件是二进制数据，不是文本、HTML 或 PDF。' },
  { en: /^The file is [\d.]+ MB, over the/, zh: '文件超过大小上限。' },
  { en: /^The text file is [\d.]+ MB/, zh: '文本文件过大，远超年度报告的篇幅。' },
  { en: /^This document is not an annual report/, zh: '不是政府信息公开工作年度报告：没有标题、六个部分或标准表格。' },
  { en: /^The PDF has no text layer/, zh: 'PDF 没有文字层（扫描图像），需先进行文字识别。' },
  { en: /^The PDF is truncated/, zh: 'PDF 不完整（文件末尾缺失），请重新下载或导出。' },
  { en: /^The PDF has \d+ pages/, zh: 'PDF 页数过多，远超年度报告的篇幅。' },
  { en: /^Reading the PDF took longer/, zh: '读取 PDF 超时：文件过大或过于复杂。' },
  { en: /^The PDF is encrypted/, zh: 'PDF 已加密（有密码保护），请上传未加密的版本。' },
  { en: /^The PDF is damaged/, zh: 'PDF 已损坏，无法读取。' },
  { en: /^The PDF's content is too large to read/, zh: 'PDF 解压后的页面内容过大，远超年度报告的篇幅。' },
  { en: /^Reading the file needed more than/, zh: '读取文件所需内存超过单份报告的上限：文件过大或过于复杂。' },
  { en: /^Reading the file took longer than/, zh: '读取文件超过单份报告的时限：文件过大或过于复杂。' },
  { en: /^Unexpected error while parsing/, zh: '解析时发生意外错误。' },
];

/** A report's reason in both languages; the Chinese is null for a sentence not listed above. */
export function reasonText(reason: string | null): Bilingual | null {
  if (!reason) return null;
  return { zh: REJECTIONS.find((r) => r.en.test(reason))?.zh ?? reason, en: reason };
}
