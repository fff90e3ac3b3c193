import { signatureBytes, signatureFromBytes } from '../core/audit/similarity';
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

/** Reads the lines of one partial file back into summaries, as they stream in. */
export async function* decodeSummaries(lines: AsyncIterable<string>): AsyncGenerator<IndexedSummary> {
  let keys: string[] | undefined;
  for await (const line of lines) {
    if (!line) continue;
    if (!keys) {
      keys = (JSON.parse(line) as { keys: string[] }).keys;
      continue;
    }
    const [id, year, agencyText, format, publishedAt, version, tableHash, narrativeHash, sig, values] = JSON.parse(line) as Line;
    const figures: Record<string, number> = {};
    values.forEach((v, i) => {
      if (v !== null) figures[keys![i]] = v;
    });
    const summary: StoredSummary = {
      version,
      figures,
      tableHash,
      narrativeHash,
      narrativeSignature: sig ? signatureFromBytes(Buffer.from(sig, 'base64')) : null,
    };
    yield { fields: { id, year, agencyText, format: format as IndexedSummary['fields']['format'], publishedAt }, summary };
  }
}
