import { distance } from 'fastest-levenshtein';
import { SECTIONS } from '../form';
import type { Section } from '../types';
import { BASIS } from './basis';
import { failed, type Issue, type Rule } from './rule';

const CN_NUMERALS = '一二三四五六七八九十';
const NUMBERING = /^(?:([一二三四五六七八九十]{1,2})\s*[、.．，,]|[（(]\s*([一二三四五六七八九十]{1,2})\s*[）)]|(\d{1,2})\s*[、.．])\s*/;

/** The number a title is printed with (`四、…` → 4), or null when it has none. */
function printedNumber(title: string): number | null {
  const m = title.match(NUMBERING);
  if (!m) return null;
  if (m[3]) return Number(m[3]);
  const cn = m[1] ?? m[2];
  return cn.length === 1 ? CN_NUMERALS.indexOf(cn) + 1 : cn === '十' ? 10 : 10 + CN_NUMERALS.indexOf(cn[1]) + 1;
}

const words = (title: string) => title.replace(NUMBERING, '').replace(/[\s:：]/g, '');

/** S3: the six sections of the national format, present, in order, numbered and titled as the format has them. */
export const s3: Rule = {
  id: 'S3',
  name: { zh: '六个部分', en: 'Six sections' },
  description: {
    zh: '全国统一格式的六个部分齐全、顺序正确、编号和标题规范。',
    en: 'The six sections of the national format are present, in order, numbered and titled.',
  },
  basis: `${BASIS.art50}；${BASIS.formats}`,
  check(report) {
    const issues: Issue[] = [];
    const byN = new Map<number, Section>(report.sections.map((s) => [s.n, s]));
    for (const def of SECTIONS) {
      const key = `section.${def.n}`;
      const section = byN.get(def.n);
      if (!section) {
        issues.push(
          failed('S3-missing', 'error', {
            message: `缺少第${def.n}部分“${def.title}”。`,
            messageEn: `Section ${def.n} (${def.title}) is missing.`,
            keys: [key],
          }),
        );
        continue;
      }
      const printed = printedNumber(section.title);
      if (printed !== def.n)
        issues.push(
          failed('S3-numbering', 'warning', {
            message: `第${def.n}部分标题编号不符：“${section.title}”，应为“${def.title}”。`,
            messageEn: `Section ${def.n} is numbered ${printed ?? 'not at all'} ("${section.title}"); the format numbers it ${def.n}.`,
            keys: [key],
            detail: `title: ${section.title}`,
          }),
        );
      const edits = distance(words(section.title), words(def.title));
      if (edits > 0)
        issues.push(
          failed('S3-title', 'warning', {
            message: `第${def.n}部分标题“${section.title}”与规定格式“${def.title}”不一致（相差 ${edits} 字）。`,
            messageEn: `Section ${def.n} is titled "${section.title}" instead of the format's "${def.title}" (${edits} characters differ).`,
            keys: [key],
            detail: `title: ${section.title}`,
          }),
        );
    }
    const order = report.sections.map((s) => s.n);
    if (order.some((n, i) => i > 0 && n <= order[i - 1]))
      issues.push(
        failed('S3-order', 'error', {
          message: `各部分顺序不符合规定格式：${order.join('、')}。`,
          messageEn: `The sections are out of order: ${order.join(', ')}.`,
          keys: order.map((n) => `section.${n}`),
        }),
      );
    return issues;
  },
};
