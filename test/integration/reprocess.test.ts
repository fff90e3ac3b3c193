import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import { SUMMARY_VERSION } from '../../lambdas/core/audit';
import { PARSER_VERSION } from '../../lambdas/core/record/version';
import { closeParseWorkers } from '../../lambdas/core/record/parse-isolated';
import { createHandler } from '../../lambdas/ingest/handler';
import { recordId } from '../../lambdas/ingest/record-id';
import { reprocess } from '../../lambdas/reprocess/reprocess';
import { getReport, keys, listFindings } from '../../lambdas/store';
import { db } from '../../lambdas/store/client';
import { getReviews, putReview } from '../../lambdas/store/reviews';
import { startLocalStack, type LocalStack } from '../../local/stack';
import { reportHtml } from '../../local/synthetic-report';

/** Re-reading what is stored when the parser improves: only outdated reports of the year asked, same ids, reviews kept. */
let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack({ handler: createHandler(), retryDelaysMs: [10, 10] });
});
afterAll(async () => {
  await stack?.stop();
  await closeParseWorkers();
});

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const uploads = {
  a: { key: 'incoming/re/a.html', body: reportHtml('重读甲局', 2024) },
  b: { key: 'incoming/re/b.html', body: reportHtml('重读乙局', 2024) },
  c: { key: 'incoming/re/c.html', body: reportHtml('重读丙局', 2023) },
  d: { key: 'incoming/re/d.html', body: reportHtml('重读丁局', 2022) },
};
const idOf = (u: { key: string; body: string }) => recordId(u.key, sha(u.body));
const setVersion = (id: string, v: number) =>
  db().doc.send(
    new UpdateCommand({ TableName: db().table, Key: keys.report(id), UpdateExpression: 'SET parserVersion = :v', ExpressionAttributeValues: { ':v': v } }),
  );

it('re-parses the outdated reports of the year asked, under the same ids, keeping reviews', async () => {
  for (const u of [uploads.a, uploads.b, uploads.c]) await stack.upload(u.key, u.body);
  for (const u of [uploads.a, uploads.b, uploads.c])
    expect(await getReport(idOf(u))).toMatchObject({ status: 'parsed', parserVersion: PARSER_VERSION, attempts: 1 });
  const a = idOf(uploads.a);
  const finding = (await listFindings({ reportId: a })).items[0];
  await putReview(finding.id!, a, { status: 'confirmed', note: '已核实', by: 'officer', at: '2025-01-01T00:00:00Z' });
  await setVersion(a, 1);
  await setVersion(idOf(uploads.c), 1);

  const before = stack.invoker.settledCount(uploads.a.key);
  const sent = await reprocess({ bucket: stack.bucket, year: 2024 });
  expect(sent.map((r) => r.id)).toEqual([a]);
  await stack.invoker.waitFor(uploads.a.key, before);

  expect(await getReport(a)).toMatchObject({ status: 'parsed', parserVersion: PARSER_VERSION, attempts: 2, current: true, agency: '重读甲局' });
  expect((await getReviews([finding.id!])).get(finding.id!)).toMatchObject({ status: 'confirmed', note: '已核实' });
  expect((await listFindings({ reportId: a })).items.map((f) => f.id)).toContain(finding.id);
  expect(await getReport(idOf(uploads.c))).toMatchObject({ parserVersion: 1, attempts: 1 });
  expect(stack.invoker.deadLetters).toEqual([]);
});

it('stores a report kept without an audit summary again, so the audit sees it', async () => {
  await stack.upload(uploads.d.key, uploads.d.body);
  const d = idOf(uploads.d);
  expect(await getReport(d)).toMatchObject({ summaryVersion: SUMMARY_VERSION });
  // As stored before summaries: no summary, not in the summary index.
  await db().doc.send(new UpdateCommand({ TableName: db().table, Key: keys.report(d), UpdateExpression: 'REMOVE summary, summaryVersion, gsi4pk, gsi4sk' }));
  const before = stack.invoker.settledCount(uploads.d.key);
  expect((await reprocess({ bucket: stack.bucket, year: 2022 })).map((r) => r.id)).toEqual([d]);
  await stack.invoker.waitFor(uploads.d.key, before);
  expect(await getReport(d)).toMatchObject({ status: 'parsed', summaryVersion: SUMMARY_VERSION, attempts: 2 });
});
