/**
 * A figure wrapped in its narrow cell and given a row of its own by the table reader (LibreOffice's PDF:
 * `15` on the row's line, `3` under it, the row's spanning label repeated on both lines).
 */
import { t3Layout } from '../../lambdas/core/form';
import { joinWrappedFigures } from '../../lambdas/core/tables/wrapped-figures';
import type { Row } from '../../lambdas/core/tables/row';
import type { Finding } from '../../lambdas/core/types';

const cell = (text: string) => ({ text, raw: text, loc: {} });
const row = (label: string, cells: string[]): Row => ({ label, cells: cells.map(cell), context: 't3' });
const TOTAL = '三、本年度办理结果（七）总计';

it('joins a fragment under its own row’s repeated label when the row then holds (15 / 3 → 153), and reports it when not', () => {
  for (const [tail, total] of [
    ['3', '153'],
    ['4', ''],
  ]) {
    const findings: Finding[] = [];
    const rows = joinWrappedFigures(
      [
        row(TOTAL, ['141', '7', '0', '0', '5', '0', '15']),
        row(TOTAL, ['', '', '', '', '', '', tail]),
        row('四、结转下年度继续办理', ['0', '0', '0', '0', '0', '0', '0']),
      ],
      t3Layout('2019'),
      findings,
    );
    expect(rows.map((r) => r.cells.map((c) => c.text).join('|'))).toEqual([`141|7|0|0|5|0|${total}`, '0|0|0|0|0|0|0']);
    expect(findings.map((f) => f.rule)).toEqual(total ? [] : ['P-FIGURE-CUT']);
  }
});
