/**
 * Load: 1,000 uploads, 50 waiting at a time, on the local stack with the function's reserved
 * concurrency (20, lib/ingest.ts). Throughput, p95 latency from PutObject to stored record, and
 * a count of the table: every upload one record, none lost, none duplicated.
 */
import { uploadOnLocalStack } from './local-uploads';
import { percentile, type BenchResult } from './result';

const UPLOADS = 1000;

export async function run(): Promise<BenchResult[]> {
  const r = await uploadOnLocalStack({ uploads: UPLOADS, inFlight: 50, concurrency: 20 });
  const counted = `${r.stored}/${UPLOADS} uploads with one record, ${r.lost} lost, ${r.duplicated} duplicated, ${r.deadLetters} dead letters`;
  return [
    { name: 'load_uploads_per_s', value: UPLOADS / r.seconds, unit: 'uploads/s', note: `${counted}; 50 in flight, 20 concurrent invocations` },
    {
      name: 'load_p95_ms',
      value: percentile(r.latenciesMs, 95),
      unit: 'ms',
      note: `PutObject → record stored; median ${percentile(r.latenciesMs, 50).toFixed(0)} ms`,
    },
  ];
}
