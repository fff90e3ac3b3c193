/**
 * `reprocess_1000_s`: 1,000 stored reports marked as read by an older parser, then `reprocess` on the
 * local stack until every one is parsed again (same ids): the seconds from the call to the last record.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { closeParseWorkers } from '../lambdas/core/record/parse-isolated';
import { reprocess } from '../lambdas/reprocess/reprocess';
import { keys, scanReports } from '../lambdas/store';
import { db } from '../lambdas/store/client';
import { startLocalStack } from '../local/stack';
import { reportHtml } from '../local/synthetic-report';
import type { BenchResult } from './result';

const N = 1000;

export async function run(): Promise<BenchResult[]> {
  process.env.POWERTOOLS_LOG_LEVEL = 'WARN';
  const stack = await startLocalStack({ concurrency: 4 });
  try {
    const keyOf = (i: number) => `incoming/reprocess/${i}.html`;
    for (let i = 0; i < N; i += 20)
      await Promise.all(Array.from({ length: Math.min(20, N - i) }, (_, j) => stack.upload(keyOf(i + j), reportHtml(`重读基准${i + j}`, 2031, i + j))));
    for (const r of await scanReports())
      await db().doc.send(
        new UpdateCommand({
          TableName: db().table,
          Key: keys.report(r.id),
          UpdateExpression: 'SET parserVersion = :v',
          ExpressionAttributeValues: { ':v': 0 },
        }),
      );
    const before = Array.from({ length: N }, (_, i) => stack.invoker.settledCount(keyOf(i)));
    const t = performance.now();
    const sent = await reprocess({ bucket: stack.bucket });
    await Promise.all(Array.from({ length: N }, (_, i) => stack.invoker.waitFor(keyOf(i), before[i])));
    const seconds = (performance.now() - t) / 1000;
    const again = (await scanReports()).filter((r) => r.status === 'parsed' && r.attempts === 2).length;
    if (sent.length !== N || again !== N) throw new Error(`reprocess sent ${sent.length}, re-parsed ${again} of ${N}`);
    return [{ name: 'reprocess_1000_s', value: seconds, unit: 's', note: `${N} reports re-parsed on the local stack (4 at once, shared 2-core box)` }];
  } finally {
    await stack.stop();
    await closeParseWorkers();
  }
}
