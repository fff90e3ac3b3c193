import { SIGNATURE_SLOTS, signatureBytes, signatureInto } from '../core/audit/similarity';
import type { StoredSummary } from '../core/audit';
import type { IndexedSummary } from '../store/summaries';
import { AUDITS_PREFIX } from './report-files';

/**
 * A map child's partial result: one shard's summaries as JSON Lines, written once and read by the
 * reduce. The first line names the figure keys; each following line is one report, its figures in
 * that order (null where a figure was not read), so the key names are not repeated 60,000 times.
 */
export const summaryFileKey = (auditYear: number, runId: string, year: number, shard: number) =>
  `${AUDITS_PREFIX}${auditYear}/${runId}/summaries/${year}-S${String(shard).padStart(2, '0')}.jsonl`;

type Line = [string, number, string | null, string, string | null, number, string | null, string | null, string | null, (number | null)[]];

export function encodeSummaries(rows: readonly IndexedSummary[]): string {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r.summary.figures)))].sort();
  const lines = rows.map(({ fields: f, summary: s }): Line => {
    const sig = s.narrativeSignature ? Buffer.from(signatureBytes(s.narrativeSignature)).toString('base64') : null;
    return [f.id, f.year, f.agencyText, f.format, f.publishedAt, s.version, s.tableHash, s.narrativeHash, sig, keys.map((k) => s.figures[k] ?? null)];
  });
  return [JSON.stringify({ keys }), ...lines.map((l) => JSON.stringify(l))].join('\n') + '\n';
}

/** Signatures decoded into one shared buffer per this many reports: a view each instead of an array each. */
const SLAB = 4096;

/**
 * Reads the lines of one partial file back into summaries, as they stream in, packed for a reduce that
 * holds two million of them: every figures object is made from one template with all the file's keys
 * (one shape, ~450 B instead of ~1.4 KB; a figure not read is `undefined`, as absent), the signatures
 * are views into shared buffers, and the few distinct dates and formats are one string each.
 */
export async function* decodeSummaries(lines: AsyncIterable<string>): AsyncGenerator<IndexedSummary> {
  let keys: string[] | undefined;
  let template: Record<string, number | undefined> = {};
  const strings = new Map<string, string>();
  const intern = (s: string | null) => (s === null ? null : (strings.get(s) ?? (strings.set(s, s), s)));
  let slab = new Uint32Array(0);
  let used = SLAB;
  for await (const line of lines) {
    if (!line) continue;
    if (!keys) {
      keys = (JSON.parse(line) as { keys: string[] }).keys;
      template = Object.fromEntries(keys.map((k) => [k, undefined]));
      continue;
    }
    const [id, year, agencyText, format, publishedAt, version, tableHash, narrativeHash, sig, values] = JSON.parse(line) as Line;
    const figures = { ...template } as Record<string, number>;
    for (let i = 0; i < values.length; i++) if (values[i] !== null) figures[keys[i]] = values[i]!;
    let narrativeSignature: Uint32Array | null = null;
    if (sig) {
      if (used === SLAB) [slab, used] = [new Uint32Array(SLAB * SIGNATURE_SLOTS), 0];
      narrativeSignature = signatureInto(Buffer.from(sig, 'base64'), slab.subarray(used * SIGNATURE_SLOTS, ++used * SIGNATURE_SLOTS));
    }
    const summary: StoredSummary = { version, figures, tableHash, narrativeHash, narrativeSignature };
    yield { fields: { id, year, agencyText, format: intern(format) as IndexedSummary['fields']['format'], publishedAt: intern(publishedAt) }, summary };
  }
}
