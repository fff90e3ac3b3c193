/**
 * A generated report as a document: title, date, headings, paragraphs and the three tables as
 * grids with their real row and column spans. Each renderer serialises this one model in its
 * own layout, so the prose, the labels and the span structure are written once.
 */
import {
  CIRCULARS,
  HEADERS,
  keysOfKind,
  SECTION_TITLES,
  T2_BLOCKS,
  T3_COLUMNS,
  T4_COLUMNS,
  T4_GROUPS,
  T4_LITIGATION,
  t3Rows,
  type FormFormat,
  type FormRow,
  type T2Block,
  YUAN_PER_WAN,
} from '../../lambdas/core/form';
import { narrativePassage } from './narrative';
import { Random } from './random';
import type { ReportSpec } from './values';

export interface CellModel {
  /** The label or number, as printed. */
  text: string;
  /** The same text as the page wraps it in a narrow cell (header labels); absent when it fits on one line. */
  lines?: string[];
  rowspan?: number;
  colspan?: number;
  head?: boolean;
  /** A data row's label (as opposed to a column header). */
  rowLabel?: boolean;
}

export type TableId = 't2' | 't3' | 't4';

export type Block = { kind: 'heading'; text: string } | { kind: 'paragraph'; text: string } | { kind: 'table'; table: TableId; rows: CellModel[][] };

export interface DocumentModel {
  title: string;
  agency: string;
  publishedAt: string;
  blocks: Block[];
}

export interface DocumentOptions {
  /** Table 2 as one grid holding all its sub-tables, or one grid per 第二十条 clause. */
  t2Tables?: 'one' | 'several';
  /** Print `规范性文件` where the 2021 form says `行政规范性文件`. */
  shortNormativeLabel?: boolean;
  /** Print the typo `其他法律行政止公开` for table 3's 2.其他法律行政法规禁止公开 row. */
  lawProhibitedTypo?: boolean;
  /** Print the 2019 procurement amount in 元 (`251000.00元`) instead of 万元. */
  procurementInYuan?: boolean;
  /** Leave table 3's zero cells blank, as most Word reports do: a sparse table (its labels omit those keys). */
  blankZeros?: boolean;
  /**
   * Tables as a document converter (Markdown, OCR) splits them: table 4 as one block per group,
   * each under its own heading line and repeating the five column headings; table 3 as one block
   * per row group, the later ones under a placeholder header of blank cells.
   */
  rowGroupBlocks?: boolean;
}

/** Where narrow columns wrap their header labels on the page. */
const HEADER_WRAPS: Record<string, string[]> = {
  本年新制作数量: ['本年新', '制作数量'],
  本年新公开数量: ['本年新', '公开数量'],
  对外公开总数量: ['对外公开', '总数量'],
  上一年项目数量: ['上一年', '项目数量'],
  本年制发件数: ['本年制发', '件数'],
  本年废止件数: ['本年废止', '件数'],
  现行有效件数: ['现行有效', '件数'],
  社会公益组织: ['社会公益', '组织'],
  法律服务机构: ['法律服务', '机构'],
  [HEADERS.t3Outcomes]: ['三、本年度办', '理结果'],
};

const head = (text: string, span: Pick<CellModel, 'rowspan' | 'colspan'> = {}): CellModel => ({
  text,
  ...(HEADER_WRAPS[text] ? { lines: HEADER_WRAPS[text] } : {}),
  ...span,
  head: true,
});

export function buildDocument(spec: ReportSpec, options: DocumentOptions = {}): DocumentModel {
  const rnd = new Random(spec.seed ^ 0x5eed);
  const title = `${spec.agency}${spec.year}${rnd.chance(0.5) ? '年度' : '年'}政府信息公开工作年度报告`;
  const print = numberPrinter(spec, options);
  const [s1, s2, s3, s4, s5, s6] = SECTION_TITLES;
  const all: Block[] = [
    { kind: 'paragraph', text: introduction(spec) },
    { kind: 'heading', text: s1 },
    ...overview(spec, rnd).map((text): Block => ({ kind: 'paragraph', text })),
    { kind: 'heading', text: s2 },
    ...table2(spec.format, print, options),
    { kind: 'heading', text: s3 },
    { kind: 'paragraph', text: narrativePassage(spec.narrative, 'outcomes') },
    ...tableBlocks('t3', table3(spec.format, print, options), options),
    { kind: 'heading', text: s4 },
    ...(options.rowGroupBlocks ? table4Blocks(print) : [{ kind: 'table' as const, table: 't4' as const, rows: table4(print) }]),
    { kind: 'heading', text: s5 },
    {
      kind: 'paragraph',
      text: `${spec.year}年，我单位政府信息公开工作取得了一定成效，但仍存在一些不足：一是政策解读形式还不够丰富，解读的针对性有待加强；二是依申请公开答复的规范化水平有待进一步提高。下一步，我们将加强业务培训，完善工作机制，持续提升政务公开质量。`,
    },
    { kind: 'heading', text: s6 },
    { kind: 'paragraph', text: feesStatement(spec) },
  ];
  const blocks = all.filter((b) => b.kind !== 'paragraph' || b.text !== '');
  return { title, agency: spec.agency, publishedAt: spec.publishedAt, blocks };
}

function introduction(spec: ReportSpec): string {
  const circular = CIRCULARS[spec.format];
  return (
    `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（${circular}）要求编制。` +
    `本报告所列数据统计期限为${spec.year}年1月1日至${spec.year}年12月31日。`
  );
}

function overview(spec: ReportSpec, rnd: Random): string[] {
  // A figure about something that is not a table key, as real reports have (news items, posts).
  const posts = rnd.int(120, 9000);
  return [
    `${spec.year}年，${spec.agency}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《条例》和上级关于政务公开工作的决策部署，持续深化政务公开，不断提升政府信息公开质量。`,
    `（一）主动公开方面。规范信息发布审核流程，通过政府门户网站发布各类政府信息${posts}条。${narrativePassage(spec.narrative, 'proactive')}`,
    `（二）依申请公开方面。畅通依申请公开渠道，规范受理、办理、答复等环节。${narrativePassage(spec.narrative, 'requests')}`,
    `（三）政府信息管理方面。坚持“先审查、后公开”原则，严格落实保密审查制度，动态更新政府信息公开指南。`,
    // The results a government's report must state (条例第五十条): assessment, public evaluation, accountability.
    `（四）监督保障方面。将政务公开工作纳入年度绩效考核，通过网上评议等方式开展社会评议，全年未发生政府信息公开工作责任追究情况。`,
  ];
}

function feesStatement(spec: ReportSpec): string {
  const charged = (spec.values['t3.otherHandling.overdueFee.total'] ?? 0) > 0;
  return charged ? '本年度按照《政府信息公开信息处理费管理办法》向超出一定数量或频次范围的申请人发出收费通知。' : '本年度未收取信息处理费。';
}

type Printer = (key: string) => string;

function numberPrinter(spec: ReportSpec, options: DocumentOptions): Printer {
  const money = new Set(keysOfKind('money', [spec.format]));
  return (key) => {
    // A key the spec leaves out is a cell the report left blank.
    if (!(key in spec.values)) return '';
    const value = spec.values[key];
    // A key the spec leaves out is a blank cell, as agencies leave cells blank.
    if (value === undefined) return '';
    if (options.blankZeros && key.startsWith('t3.') && value === 0) return '';
    if (!money.has(key)) return String(value);
    // 万元 to two decimals, printed in 元.
    if (options.procurementInYuan && key === 't2.procurement.amount') return `${((Math.round(value * 100) * YUAN_PER_WAN) / 100).toFixed(2)}元`;
    return value.toFixed(2);
  };
}

/** Table 2 is as wide as its widest clause: the label column plus three value columns. */
const T2_WIDTH = 4;

function table2(format: FormFormat, print: Printer, options: DocumentOptions): Block[] {
  const grids = T2_BLOCKS[format].map((block) => t2Block(block, format, print, options));
  return options.t2Tables === 'several'
    ? grids.map((rows): Block => ({ kind: 'table', table: 't2', rows }))
    : [{ kind: 'table', table: 't2', rows: grids.flat() }];
}

function t2Block(block: T2Block, format: FormFormat, print: Printer, options: DocumentOptions): CellModel[][] {
  const missing = T2_WIDTH - 1 - block.columns.length;
  // The 2021 form widens a clause's last column over the gap; the 2019 form leaves blank cells.
  const widen = format === '2021' && missing > 0 ? { colspan: missing + 1 } : {};
  const pad = (cell: () => CellModel) => (format === '2019' ? Array.from({ length: missing }, cell) : []);
  const spanLast = (cells: CellModel[]) => cells.map((c, i) => (i === cells.length - 1 ? { ...c, ...widen } : c));
  return [
    [head(block.clause, { colspan: T2_WIDTH })],
    [head(HEADERS.t2Content), ...spanLast(block.columns.map((c) => head(c.zh))), ...pad(() => head(''))],
    ...block.rows.map((row) => [
      rowLabel(row, options),
      ...spanLast(block.columns.map((c) => ({ text: print(`t2.${row.key}.${c.key}`) }))),
      ...pad(() => ({ text: '' })),
    ]),
  ];
}

/** The 2019 form's label of 行政规范性文件 (`规范性文件`), as some 2021 reports print it too. */
const SHORT_NORMATIVE = T2_BLOCKS['2019'].flatMap((b) => b.rows).find((r) => r.key === 'normative')!.zh;

function rowLabel(row: FormRow, options: DocumentOptions): CellModel {
  let text = row.zh;
  if (options.shortNormativeLabel && row.table === 't2' && row.key === 'normative') text = SHORT_NORMATIVE;
  // A real report's typo: `2.其他法律行政止公开`, the 法规禁 of 行政法规禁止 lost.
  if (options.lawProhibitedTypo && row.key === 'denied.lawProhibited') text = row.zh.replace('法规禁', '');
  return { text, head: true, rowLabel: true };
}

/** A table-3 row printed under the merged 三、本年度办理结果 cell: the outcomes and their total. */
const underOutcomes = (row: FormRow | undefined) => row?.role === 'outcome' || row?.role === 'processed';

function table3(format: FormFormat, print: Printer, options: DocumentOptions): CellModel[][] {
  const values = (row: string) => T3_COLUMNS.map((c) => ({ text: print(`t3.${row}.${c.key}`) }));
  const [natural, ...rest] = T3_COLUMNS;
  const total = rest.pop()!;
  const header: CellModel[][] = [
    [head(HEADERS.t3BalanceNote, { rowspan: 3, colspan: 3 }), head(HEADERS.t3Applicants, { colspan: T3_COLUMNS.length })],
    [head(natural.zh, { rowspan: 2 }), head(HEADERS.t3LegalPersons, { colspan: rest.length }), head(total.zh, { rowspan: 2 })],
    rest.map((c) => head(c.zh)),
  ];
  const rows = t3Rows(format);
  const outcomeCount = rows.filter(underOutcomes).length;
  const body = rows.map((row, i): CellModel[] => {
    const label = rowLabel(row, options);
    if (!underOutcomes(row)) return [{ ...label, colspan: 3 }, ...values(row.key)];
    const cells: CellModel[] = [];
    if (!underOutcomes(rows[i - 1])) cells.push(head(HEADERS.t3Outcomes, { rowspan: outcomeCount }));
    if (!row.group) cells.push({ ...label, colspan: 2 });
    else {
      if (rows[i - 1].group !== row.group) cells.push(head(row.group.zh, { rowspan: rows.filter((r) => r.group === row.group).length }));
      cells.push(label);
    }
    return [...cells, ...values(row.key)];
  });
  return [...header, ...body];
}

/** Table 3's rows cut where its row groups change (the header and 一、二 / 三、办理结果 / 四、结转), when options ask for blocks. */
function tableBlocks(table: TableId, rows: CellModel[][], options: DocumentOptions): Block[] {
  if (!options.rowGroupBlocks) return [{ kind: 'table', table, rows }];
  const width = rows[0].reduce((n, c) => n + (c.colspan ?? 1), 0);
  const placeholder = (): CellModel[] => Array.from({ length: width }, () => ({ text: '', head: true }));
  const outcomes = rows.findIndex((r) => r.some((c) => c.text === HEADERS.t3Outcomes));
  const cuts = [0, outcomes, rows.length - 1, rows.length];
  return cuts.slice(0, -1).map((from, i): Block => ({ kind: 'table', table, rows: [...(i ? [placeholder()] : []), ...rows.slice(from, cuts[i + 1])] }));
}

/** Table 4 as three blocks, each group under its own heading line with the five column headings repeated. */
function table4Blocks(print: Printer): Block[] {
  const [review, direct, afterReview] = T4_GROUPS;
  const headings = [`（一）${review.zh}`, `（二）${T4_LITIGATION.zh}：${direct.zh}`, `（三）${T4_LITIGATION.zh}：${afterReview.zh}`];
  return T4_GROUPS.flatMap((g, i): Block[] => [
    { kind: 'paragraph', text: headings[i] },
    { kind: 'table', table: 't4', rows: [T4_COLUMNS.map((c) => head(c.zh)), T4_COLUMNS.map((c) => ({ text: print(`t4.${g.key}.${c.key}`) }))] },
  ]);
}

function table4(print: Printer): CellModel[][] {
  const [review, ...litigation] = T4_GROUPS;
  const width = T4_COLUMNS.length;
  return [
    [head(review.zh, { colspan: width }), head(T4_LITIGATION.zh, { colspan: width * litigation.length })],
    [...T4_COLUMNS.map((c) => head(c.zh, { rowspan: 2 })), ...litigation.map((g) => head(g.zh, { colspan: width }))],
    litigation.flatMap(() => T4_COLUMNS.map((c) => head(c.zh))),
    T4_GROUPS.flatMap((g) => T4_COLUMNS.map((c) => ({ text: print(`t4.${g.key}.${c.key}`) }))),
  ];
}
