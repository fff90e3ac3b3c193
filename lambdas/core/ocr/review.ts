import { isFormFormat, keyParts, T3_COLUMNS, t3LayoutOfKeys, t3Rows, type FormFormat } from '../form';
import type { Tables } from '../tables';
import { ambiguityFinding } from '../tables/undecided';
import type { Evidence, UndecidedRow, Value } from '../types';
import { parseCount, parseMoney } from '../values/parse-number';
import { shapeDoubt } from './figure-shape';
import { crossCheck, type ReadFigure } from './identity-check';
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
 * A scan's table values as good as their reading. A figure is taken only when its characters were read with
 * confidence, it has the shape of a figure of its column (`figure-shape.ts`), and the report's own identities do not
 * reject it (`identity-check.ts`). Any other figure leaves `values` and waits in `undecided` (待核实) with the readings
 * OCR saw, unless the identities force one of those readings from figures read for sure (`decidedBy: "identity"`); the
 * rest the identities with its neighbours or an officer decide, looking at its box on the page image. Never a guess.
 */
export function reviewScan(tables: Tables, ocr: OcrReading): Tables {
  const read = tables.values.map((v) => (v.evidence.loc ? ocr.tokensOf(v.evidence.loc).filter((t) => t.numeric) : []));
  const figures = tables.values.map((v, i) => figureOf(v, read[i]));
  if (isFormFormat(tables.format)) outOfLayout(figures, tables.format);
  const blanks = printedBlank(tables);
  const { decided } = isFormFormat(tables.format) ? crossCheck(figures, tables.format, blanks) : { decided: [] };
  const values: Value[] = [];
  const undecided: UndecidedRow[] = [...tables.undecided];
  tables.values.forEach((v, i) => {
    const f = figures[i];
    const evidence: Evidence = { ...v.evidence, ocr: { conf: round3(f.conf) } };
    if (!f.doubt) return values.push({ ...v, evidence });
    const forced = decided.find((d) => d.key === v.key);
    if (forced) {
      const { inst, needs } = forced;
      // The figures it was decided from, a cell printed blank as the nothing it counted for.
      const from = Object.fromEntries(
        [...inst.left, ...inst.right].filter((k) => k !== v.key).map((k) => [k, blanks.has(k) ? 0 : figures.find((x) => x.key === k)!.value]),
      );
      return values.push({
        ...v,
        value: needs!,
        evidence: {
          ...evidence,
          // As printed to OCR's eyes: a letter read where the figure stands (`A` → 4) shows as read.
          raw: `${(read[i].length === 1 && read[i][0].misread) || v.evidence.raw} → ${f.readings.find((r) => r.value === needs)!.text}`,
          decidedBy: 'identity',
          identity: { id: inst.identity.id, at: inst.at, statement: `${inst.where.zh}：${inst.identity.statement.zh}`, from },
        },
      });
    }
    undecided.push({
      keys: [v.key],
      label: v.key,
      printed: v.evidence.raw,
      candidates: f.readings.map((r) => [r.value]),
      texts: f.readings.map((r) => [r.text]),
      run: false,
      ocr: { ...f.doubt, conf: round3(f.conf) },
      evidence,
    });
  });
  const open = undecided.filter((u) => u.ocr && !tables.undecided.includes(u));
  const kept = Object.fromEntries(values.map((v) => [v.key, v.value]));
  return { ...tables, values, undecided, findings: [...tables.findings, ...open.flatMap((u) => ambiguityFinding(u, kept) ?? [])] };
}

/** Table 3's cells printed blank: those of a row with figures read where OCR found no ink (the mapping's open cells are not). */
function printedBlank(tables: Tables): Set<string> {
  const rows = new Set(tables.values.flatMap((v) => (v.key.startsWith('t3.') ? [keyParts(v.key)!.row] : [])));
  const read = new Set([...tables.values.map((v) => v.key), ...tables.undecided.flatMap((u) => u.keys)]);
  return new Set([...rows].flatMap((row) => T3_COLUMNS.map((c) => `t3.${row}.${c.key}`)).filter((k) => !read.has(k)));
}

/** A table value with what OCR read of it: confidence, the readings to offer, and whether its shape or confidence already casts doubt. */
function figureOf(v: Value, tokens: OcrToken[]): ReadFigure {
  const conf = tokens.length ? Math.min(...tokens.map((t) => t.conf)) : 0;
  const readings = tokens.length === 1 ? alternatives(tokens[0], v.value) : runReadings(v, tokens);
  const shape = shapeDoubt(v.key, tokens);
  const doubt = shape
    ? { why: 'shape' as const, ...shape }
    : conf < ACCEPT
      ? { why: 'confidence' as const, zh: `识别把握不足（${Math.round(conf * 100)}%）`, en: `read with ${Math.round(conf * 100)}% confidence` }
      : undefined;
  return { key: v.key, value: v.value, text: v.evidence.raw, conf, readings, doubt };
}

/**
 * Table 3 prints （六）其他处理 one way or the other, never both: a figure on the single row among a table of its three
 * sub-rows (or on a sub-row under the single row) was placed on a row the grid made of a scan's misread lines.
 */
function outOfLayout(figures: ReadFigure[], format: FormFormat): void {
  const rows = new Set(
    t3Rows(
      t3LayoutOfKeys(
        format,
        figures.map((f) => f.key),
      ),
    ).map((r) => r.key),
  );
  for (const f of figures) {
    const parts = keyParts(f.key);
    if (f.doubt || parts?.table !== 't3' || rows.has(parts.row)) continue;
    f.doubt = { why: 'shape', zh: '所在行与表三其余各行的印法不符', en: 'its row is not one of the rows the rest of table 3 prints' };
  }
}

/**
 * Runs read apart in one cell: the figure they make together as the cell prints them (`10` over `5` wrapped in a narrow
 * column), then each alone (`12` and a `2` read again over its last digit). Only an identity chooses among them.
 */
function runReadings(v: Value, tokens: OcrToken[]): { text: string; value: number }[] {
  const out = [{ text: v.evidence.raw, value: v.value }];
  for (const t of tokens) {
    const n = numberOf(t.str);
    if (n !== null && !out.some((o) => o.value === n)) out.push({ text: t.str, value: n });
  }
  return out;
}

const numberOf = (text: string) => (text.includes('.') ? parseMoney(text) : parseCount(text));

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
    const n = numberOf(text);
    if (n !== null && !out.some((o) => o.value === n)) out.push({ text, value: n });
    if (out.length >= READINGS) break;
  }
  return out;
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;
