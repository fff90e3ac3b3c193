import { checkAgency } from '../../lambdas/core/ocr/agency-check';
import type { OcrToken } from '../../lambdas/core/ocr';

/** A run of text as OCR read it: every character at `p`, except those given (index → [probability, runner-up, its p]). */
function run(str: string, p = 0.99, unsure: Record<number, [number, string, number]> = {}): OcrToken {
  const chars = [...str];
  return {
    str,
    box: { x: 0, y: 0, w: 100, h: 10 },
    conf: Math.min(p, ...Object.values(unsure).map((u) => u[0])),
    numeric: false,
    chars: chars.map((_, i) => unsure[i]?.[0] ?? p),
    alt: chars.map((_, i) => (unsure[i] ? { char: unsure[i][1], p: unsure[i][2] } : { char: '', p: 0 })),
  };
}

describe("a scan's agency name against every printing of it", () => {
  it('stands when each character is read for sure somewhere and otherwise nowhere', () => {
    expect(checkAgency('北塘镇人民政府', [run('北塘镇人民政府2025年政府信息公开工作年度报告'), run('2025年，北塘镇人民政府坚持')])).toEqual({
      agency: '北塘镇人民政府',
    });
  });

  it("takes a character another printing reads for sure where the title's reading is unsure (the 落款 under the text)", () => {
    const title = run('沐阳县发展和改革局2023年政府信息公开年度报告', 0.99, { 0: [0.45, '沭', 0.4] });
    const signature = run('沭阳县发展和改革局', 0.98);
    expect(checkAgency('沐阳县发展和改革局', [title, signature])).toEqual({ agency: '沭阳县发展和改革局' });
  });

  it('is in doubt, with the readings (most printed first), when no printing reads a character for sure: never a guess between 沭 and 沐', () => {
    const tokens = [
      run('沐阳县发展和改革局2023年政府信息公开年度报告', 0.99, { 0: [0.41, '沭', 0.3] }),
      run('沭阳县发展和改革局', 0.99, { 0: [0.87, '沐', 0.07] }),
      run('请与沭阳县发展和改革局联系', 0.99, { 2: [0.51, '沐', 0.26] }),
    ];
    expect(checkAgency('沐阳县发展和改革局', tokens)).toEqual({ doubt: { readings: ['沭阳县发展和改革局', '沐阳县发展和改革局'], at: [0] } });
  });

  it('is in doubt when a sure reading is contradicted by a likely other reading elsewhere', () => {
    const tokens = [run('沭阳县发展和改革局', 0.95), run('沐阳县发展和改革局', 0.99, { 0: [0.6, '沭', 0.3] })];
    expect(checkAgency('沭阳县发展和改革局', tokens)).toMatchObject({ doubt: { at: [0] } });
  });
});
