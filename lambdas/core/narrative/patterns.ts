import { t2Rows } from '../form';
import { combinedPatterns } from './combined';

/**
 * How prose states the standard figures. Each pattern reads a number (`N`, the first group) from a
 * clause of whitespace-free simplified text and names the canonical or derived key (fields.md) it
 * states; table 2's keys depend on the format (2019: made/published, 2021: issued). Order matters:
 * a number taken by one pattern is not read again by a later one.
 */
export interface FigurePattern {
  /** The key, or one per format when the two formats name the column differently. */
  key: string | { '2019'?: string; '2021'?: string };
  re: RegExp;
  /** The sentence must mention this (e.g. applications) for the figure to mean the key. */
  context?: RegExp;
  /** The match must not contain this (a neighbouring figure's words). */
  not?: RegExp;
  /** The `unit` group converts money to 万元. */
  money?: boolean;
  /** Every key the phrase may mean, when it fits more than one (./combined.ts). */
  ambiguous?: string[];
}

const N = '(\\d+(?:\\.\\d+)?)';
const U = '(?:件|项|个|起|宗|份)';
const GAP = '[^，,；;：:\\d]';
/** Figures about applications: the sentence, the one before or the section must be about them. */
export const APPLY = /申请/;
const re = (s: string) => new RegExp(s.replace(/N/g, N).replace(/U/g, U).replace(/G/g, GAP), 'g');
/** `的`, `答复`, `有`, `共` … between a category and its number. */
const FILL = '(?:的|了|答复|决定|有|共|共计|为|达)*';

/**
 * Earlier items of a list under one verb (`主动公开规章22件、行政规范性文件34件`): each names its own
 * documents and count, and none brings a column word of its own (`现行有效…698件、规章3件`).
 */
const LIST = '(?:(?:(?!现行有效|废止|制发|制定|印发|新制作|新公开|总数|累计)[^，,。；;：:\\d]){1,12}?\\d+件[、和及与])*';

export const PATTERNS: FigurePattern[] = [
  ...combinedPatterns(re, FILL, APPLY),
  // Table 2: documents (each row as prose names it), decisions, procurement, fees.
  ...t2Rows('2021')
    .filter((r) => r.prose)
    .flatMap(({ key: k, prose: what }): FigurePattern[] => [
      // `动态更新本年度制发的规范性文件88件`, `本年新制作规章2件`
      { key: { '2019': `t2.${k}.made`, '2021': `t2.${k}.issued` }, re: re(`(?:制发|制定|印发|出台|新制作)(?:了|的)?(?:本年度)?${LIST}${what}${FILL}N件`) },
      { key: { '2019': `t2.${k}.made`, '2021': `t2.${k}.issued` }, re: re(`(?:制发|制定|印发|出台)(?:了)?N件${what}`) },
      // 对外公开 and 累计公开 count every document ever published (the 2019 form's 对外公开总数量), 集中公开 those in force.
      { key: { '2019': `t2.${k}.published`, '2021': `t2.${k}.issued` }, re: re(`(?<!对外|累计|集中)公开(?:了)?${LIST}${what}${FILL}N件`) },
      // `当年发布政府信息393件，其中包括：行政规范性文件13件`
      { key: { '2019': `t2.${k}.published`, '2021': `t2.${k}.issued` }, re: re(`其中(?:包括)?[：:]?${what}${FILL}N件`), context: /发布|公开/ },
      { key: { '2021': `t2.${k}.valid` }, re: re(`现行有效(?:的)?${LIST}${what}${FILL}N件`) },
      { key: { '2021': `t2.${k}.repealed` }, re: re(`废止(?:了)?${LIST}${what}${FILL}N件`) },
      // `对外公开规范性文件总数989件`, `规章对外公开总数量12件`, `累计公开规范性文件989件`
      { key: { '2019': `t2.${k}.total` }, re: re(`(?:对外公开|累计(?:对外)?公开)(?:的)?${what}(?:总数量?|总计|共计)?${FILL}N件`) },
      { key: { '2019': `t2.${k}.total` }, re: re(`${what}(?:的)?对外公开总数量?${FILL}N件`) },
    ]),
  { key: 't2.licensing.decisions', re: re(`行政许可(?:处理)?(?:决定)?(?:数量|数)?${FILL}NU`) },
  { key: { '2019': 't2.otherServices.decisions' }, re: re(`其他对外管理服务事项(?:处理)?(?:决定)?(?:数量|数)?${FILL}NU`) },
  { key: 't2.penalty.decisions', re: re(`行政处罚(?:处理)?(?:决定书?|案件)?(?:数量|数)?${FILL}NU`) },
  { key: 't2.coercion.decisions', re: re(`行政强制(?:处理)?(?:决定)?(?:数量|数)?${FILL}NU`) },
  { key: { '2019': 't2.procurement.count' }, re: re(`集中采购(?:项目)?(?:数量|数)?${FILL}NU`) },
  { key: { '2019': 't2.procurement.count' }, re: re(`采购项目(?:数量|数)?${FILL}NU`), context: /集中采购|政府采购/ },
  { key: { '2019': 't2.procurement.amount' }, re: re(`采购(?:总)?金额${FILL}N(?<unit>万元|亿元|元)`), money: true },
  { key: 't2.fees.amount', re: re(`行政事业性收费(?:总)?(?:金额|总额)?${FILL}N(?<unit>万元|亿元|元)`), money: true },

  // Table 3: applications received, by applicant, by outcome, carried over and forward.
  { key: 't3.carriedOver.total', re: re(`上一?年度?结转(?:的)?(?:政府信息公开)?(?:申请)?(?:数量)?${FILL}N件`) },
  {
    key: 't3.newReceived.total',
    re: re(`(?:收到|受理|新收|办理|接收|接到)G{0,16}?申请(?:政府)?(?:信息)?(?:公开)?(?:事项|数量)?${FILL}N件`),
    not: /复议|诉讼|结转|办结|答复/,
  },
  { key: 't3.newReceived.natural', re: re(`自然人(?:提出)?(?:的)?(?:申请)?${FILL}N件`), context: APPLY },
  { key: 't3.newReceived.legalPersons', re: re(`法人(?:或|及|和)其他组织(?:提出)?(?:的)?(?:申请)?${FILL}N件`), context: APPLY },
  { key: 't3.granted.total', re: re(`(?:予以公开|同意公开|全部公开)${FILL}N件`), context: APPLY },
  { key: 't3.partial.total', re: re(`部分公开${FILL}N件`), context: APPLY },
  { key: 't3.denied.sum.total', re: re(`不予公开${FILL}N件`), context: APPLY },
  { key: 't3.unable.sum.total', re: re(`无法提供${FILL}N件`), context: APPLY },
  { key: 't3.unable.noInfo.total', re: re(`不掌握(?:相关)?(?:的)?(?:政府)?信息${FILL}N件`) },
  { key: 't3.unable.needCreation.total', re: re(`需要?另行制作${FILL}N件`) },
  { key: 't3.unable.unclear.total', re: re(`补正后申请内容仍不明确${FILL}N件`) },
  { key: 't3.notProcessed.sum.total', re: re(`不予处理${FILL}N件`), context: APPLY },
  { key: 't3.otherHandling.sum.total', re: re(`其他处理${FILL}N件`), context: APPLY },
  { key: 't3.carriedForward.total', re: re(`(?:结转(?:至|到)?(?:下一?年度?|\\d{4}年度?)(?:继续)?(?:办理)?|转下一?年度?(?:继续)?办理(?:答复)?)${FILL}N件`) },
  { key: 't3.carriedForward.total', re: re(`NU(?:申请)?(?:顺延|结转|转)(?:到|至|入)?下一?年度?`) },
  { key: 't3.totalProcessed.total', re: re(`(?:办结|办理完毕|办理完成)(?:了)?(?:申请)?${FILL}N件`) },
  // `答复3050件`, but not `同意公开答复9件` (an outcome, read above).
  { key: 't3.totalProcessed.total', re: re(`(?<!公开|处理|办理)答复(?:了)?(?:申请)?${FILL}N件`), context: APPLY },

  // Table 4: reviews and lawsuits; 败诉 (lost) is a corrected result of litigation.
  { key: 't4.litigation.sum.corrected', re: re(`(?:败诉|被判决?纠正)${FILL}NU|NU(?:被判)?败诉`) },
  { key: 't4.review.corrected', re: re(`复议G{0,8}?(?:被纠正|被纠错|被撤销)${FILL}NU`) },
  // `行政复议351件，其中结果维持72件，结果纠正64件…；行政诉讼46件，其中…`: `$group` is the last one named before.
  { key: 't4.$group.upheld', re: re(`(?:结果)?维持(?:原)?(?:决定|判决)?${FILL}NU`) },
  { key: 't4.$group.corrected', re: re(`(?:结果)?(?:被)?(?:纠正|纠错)${FILL}NU`) },
  { key: 't4.$group.other', re: re(`其他结果${FILL}NU`) },
  { key: 't4.$group.pending', re: re(`尚未审结${FILL}NU`) },
  { key: 't4.review.total', re: re(`复议(?:案件)?G{0,12}?(?:数)?${FILL}NU`), not: /诉讼|起诉/ },
  // `有1件涉及政府信息公开工作的行政复议`; not `行政诉讼2件、行政复议3件` (the 2 is the lawsuits').
  { key: 't4.review.total', re: re(`NUG{0,14}?行政复议`), not: /诉讼|起诉|、/ },
  { key: 't4.litigation.sum.total', re: re(`诉讼(?:案件)?G{0,12}?(?:数)?${FILL}NU`), not: /复议/ },
  { key: 't4.litigation.sum.total', re: re(`NUG{0,14}?行政诉讼`), not: /复议|、/ },
];

/** A statement of absence names categories that are then zero (`不存在不予公开和不予处理情况`). */
export const ZERO_STATEMENT =
  /(?:不存在|没有|未发生|未出现|未有|无)(?!法提供)([^，,。；;\d]{0,30}?)(?:的)?(?:情况|情形|现象|案件|事项)|(?:未发生|未出现|没有发生)([^，,。；;\d]{0,30})(?=[，,。；;]|$)/g;

/** `未发生…被纠错的复议` says nothing about how many reviews there were. */
export const NOT_A_ZERO = /纠正|纠错|败诉|撤销|维持/;

/** Categories a statement of absence can name, and the figure each makes zero. */
export const ZERO_CATEGORIES: [RegExp, string][] = [
  [/不予公开/, 't3.denied.sum.total'],
  [/不予处理/, 't3.notProcessed.sum.total'],
  [/无法提供/, 't3.unable.sum.total'],
  [/部分公开/, 't3.partial.total'],
  [/其他处理/, 't3.otherHandling.sum.total'],
  [/复议/, 't4.review.total'],
  [/诉讼/, 't4.litigation.sum.total'],
];

/** `本年度未收到政府信息公开申请`: no applications at all. */
export const NO_APPLICATIONS = /(?:未|没有)(?:收到|受理|接到|接收)(?:过)?[^，,。；;\d]{0,10}申请/;
