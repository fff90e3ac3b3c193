import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys, listFindings } from '../../lambdas/store';
import { db } from '../../lambdas/store/client';
import { startLocalStack, type LocalStack } from '../../local/stack';

/** List pages are capped by bytes as well as by count, and the cursor still walks every item once. */
let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack({ handler: async () => undefined });
});
afterAll(() => stack?.stop());

it('ends a page by size before its count, with a cursor that resumes after the last item', async () => {
  const { doc, table } = db();
  const N = 30;
  for (let n = 0; n < N; n++)
    await doc.send(
      new PutCommand({
        TableName: table,
        Item: { ...keys.finding('big', n), rule: 'S9', severity: 'info', message: 'm', keys: [], evidence: '证'.repeat(3000), reportId: 'big', n },
      }),
    );
  const seen: number[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await listFindings({ reportId: 'big' }, { limit: 100, cursor, maxBytes: 40_000 });
    expect(Buffer.byteLength(JSON.stringify(page.items))).toBeLessThanOrEqual(40_000 + 10_000);
    seen.push(...page.items.map((f) => f.n));
    cursor = page.cursor;
    pages++;
  } while (cursor);
  expect(seen).toEqual(Array.from({ length: N }, (_, n) => n));
  expect(pages).toBeGreaterThanOrEqual(N / 4);
});
