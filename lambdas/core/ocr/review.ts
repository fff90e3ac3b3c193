import type { Tables } from '../tables';
import type { Evidence, Finding, UndecidedRow, Value } from '../types';
import { parseCount, parseMoney } from '../values/parse-number';
import type { OcrReading, OcrToken } from './index';

/**
 * A figure whose every character OCR read with at least this probability is taken as read. Measured on the generated
 * scans and the corpus scans (README, "Scans"): every figure under it that was wrong was caught, and none above it
 * was wrong; `test/ocr/property.test.ts` holds the line.
 */
export const ACCEPT = 0.9;
/** A character's runner-up at least this likely makes another reading worth offering. */
const RIVAL = 0.02;
/** Readings offered for one figure. */
const READINGS = 6;

/**
 * A scan's table values as good as their reading: a figure under the acceptance bar leaves `values` and waits in
 * `undecided` (待核实) with the readings OCR saw, so the report's identities with its neighbours or an officer decide
 * it, looking at its box on the page image; it is never replaced by a guess.
 */
export function reviewScan(tables: Tables, ocr: OcrReading): Tables {
  const values: Value[] = [];
  const undecided: UndecidedRow[] = [...tables.undecided];
  const findings: Finding[] = [...tables.findings];
  for (const v of tables.values) {
    const tokens = v.evidence.loc ? ocr.tokensOf(v.evidence.loc).filter((t) => t.numeric) : [];
    if (tokens.length === 0) {
      values.push(v);
      continue;
    }
    const conf = Math.min(...tokens.map((t) => t.conf));
    const evidence: Evidence = { ...v.evidence, ocr: { conf: round3(conf) } };
    if (conf >= ACCEPT) {
      values.push({ ...v, evidence });
      continue;
    }
    const readings = tokens.length === 1 ? alternatives(tokens[0], v.value) : [{ text: v.evidence.raw, value: v.value }];
    undecided.push({
      keys: [v.key],
      label: v.key,
      printed: v.evidence.raw,
      candidates: readings.map((r) => [r.value]),
      texts: readings.map((r) => [r.text]),
      run: false,
      ocr: true,
      evidence,
    });
    findings.push({
      rule: 'P-OCR-UNCERTAIN',
      severity: 'warning',
      message: `扫描件第 ${v.evidence.page ?? '?'} 页的数字「${v.evidence.raw}」识别把握不足（${Math.round(conf * 100)}%），未取值，待核实：${readings.map((r) => r.text).join('、')}`,
      messageEn: `The figure "${v.evidence.raw}" on page ${v.evidence.page ?? '?'} of the scan was read with ${Math.round(conf * 100)}% confidence: not taken, pending review (readings ${readings.map((r) => r.text).join(', ')}).`,
      keys: [v.key],
      evidence: v.evidence.locator,
      candidates: readings.map((r) => [r.value]),
    });
  }
  return { ...tables, values, undecided, findings };
}

/** The reading as OCR gave it first, then each one-character change to a runner-up likely enough to matter. */
function alternatives(t: OcrToken, value: number): { text: string; value: number }[] {
  const out = [{ text: t.str, value }];
  const chars = [...t.str];
  const rivals = (t.alt ?? [])
    .map((a, i) => ({ ...a, i }))
    .filter((a) => a.char && a.p >= RIVAL && /\d/.test(a.char))
    .sort((a, b) => b.p - a.p);
  for (const r of rivals) {
    const text = chars.map((c, i) => (i === r.i ? r.char : c)).join('');
    const n = text.includes('.') ? parseMoney(text) : parseCount(text);
    if (n !== null && !out.some((o) => o.value === n)) out.push({ text, value: n });
    if (out.length >= READINGS) break;
  }
  return out;
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;
