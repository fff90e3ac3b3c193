import type { Report } from '../types';
import { BASIS } from './basis';
import { failed, notAssessable, type Issue, type Rule } from './rule';

/**
 * Signs of text decoded wrongly and not repaired: U+FFFD, an ASCII `?` right after a Chinese character (Chinese text writes ？),
 * and kana inside Chinese (GBK bytes read one out of step land in the kana rows: `鞴ぷ靼`).
 */
const DAMAGE = /\uFFFD+|(?<=[\u4e00-\u9fff])\?+|(?<=[\u4e00-\u9fff])[\u3040-\u30ff]+(?=[\u4e00-\u9fff])/g;
/** Above this share of damaged characters the figures read from the text are not to be trusted. */
const HEAVY = 0.01;

function bodyText(report: Report): string {
  return report.sections.map((s) => `${s.title}${s.text}`).join('\n');
}

/** S13: encoding damage in the source, repaired (recorded in `repairs`) or still present (share of replacement characters). */
export const s13: Rule = {
  id: 'S13',
  name: { zh: '编码损坏', en: 'Encoding damage' },
  description: { zh: '原文存在乱码（已修复或仍存在）。', en: 'Garbled characters in the source, repaired or still present.' },
  basis: BASIS.encoding,
  check(report) {
    const text = bodyText(report);
    if (!text && report.repairs.length === 0)
      return [notAssessable('S13', { message: '没有可检查的正文。', messageEn: 'There is no body text to inspect.', keys: ['sections'] })];
    const issues: Issue[] = [];
    if (report.repairs.length > 0)
      issues.push(
        failed('S13-repaired', 'warning', {
          message: `原文有${report.repairs.length}处编码错乱（乱码），已修复并记录。`,
          messageEn: `${report.repairs.length} run(s) of garbled encoding in the source were repaired and recorded.`,
          keys: ['repairs'],
          detail: report.repairs.map((r) => `@${r.at} ${r.before} → ${r.after}${r.method ? ` (${r.method})` : ''}`).join('; '),
        }),
      );
    const damage = [...text.matchAll(DAMAGE)];
    if (damage.length > 0) {
      const chars = damage.reduce((n, m) => n + m[0].length, 0);
      const share = chars / text.length;
      const around = damage.slice(0, 5).map((m) => text.slice(Math.max(0, m.index! - 8), m.index! + m[0].length + 8));
      issues.push(
        failed('S13-damage', share > HEAVY ? 'error' : 'warning', {
          message: `正文仍有${chars}个无法识别的字符（占${(share * 100).toFixed(2)}%），相关数字可能读错。`,
          messageEn: `${chars} unreadable character(s) remain in the text (${(share * 100).toFixed(2)}%); figures near them may be misread.`,
          keys: ['sections'],
          detail: `share ${share.toFixed(5)}; ${around.map((s) => `…${s}…`).join(' ')}`,
        }),
      );
    }
    return issues;
  },
};
