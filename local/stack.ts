import { CreateTableCommand, DynamoDBClient, ResourceInUseException } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { atomicObjects } from './atomic-objects';
import { encodeKey, INCOMING_PREFIX } from '../lambdas/ingest/s3-event';
import { tableDefinition } from '../lambdas/store';
import type { RedecideEvent } from '../lambdas/redecide/handler';
import type { OcrEvent } from '../lambdas/ingest/request-ocr';
import { AsyncInvoker, type S3Handler } from './async-invoker';
import { deadLetterFile } from './dead-letters';
import { startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local';
import { localSdkEnv, readLiveEndpoints, removeEndpoints, writeEndpoints, type LocalEndpoints } from './endpoints-file';
import { startLambdaEndpoint } from './lambda-endpoint';
import { localKeyProblem } from './local-key';
import { keepPort, keptPorts, portOr } from './ports';
import { addMissingIndexes } from './table-indexes';

export { useRunningLocalStack, type LocalEndpoints } from './endpoints-file';

/** The re-decision function's name on the local Lambda endpoint. */
export const REDECIDE_FUNCTION = 'ogi-redecide';
/** The OCR function's name on the local Lambda endpoint. */
export const OCR_FUNCTION = 'ogi-ocr';

/** Another process already serves this data folder; use its endpoints (`useRunningLocalStack`). */
export class LocalStackRunning extends Error {
  constructor(
    readonly dataDir: string,
    readonly endpoints: LocalEndpoints,
  ) {
    super(`A local stack (pid ${endpoints.pid}) already serves ${dataDir}`);
    this.name = 'LocalStackRunning';
  }
}

export interface LocalStackOptions {
  /** Keep S3 and DynamoDB data here across restarts (`npm start`: `.local/`). Absent: a temporary folder and an in-memory table (tests). */
  dataDir?: string;
  bucket?: string;
  table?: string;
  /** The function S3 events go to; default the real ingest handler. */
  handler?: S3Handler;
  /** The function the API hands value reviews to (Lambda Invoke, `InvocationType: Event`); default the real re-decision handler. */
  redecide?: (event: RedecideEvent) => Promise<unknown>;
  /** The function ingest hands scans to (Lambda Invoke, `InvocationType: Event`); default the real OCR handler. */
  ocr?: (event: OcrEvent) => Promise<unknown>;
  /** Events handled at once, like the function's reserved concurrency. */
  concurrency?: number;
  /** Delays before the two async retries (default 200 ms and 1 s). */
  retryDelaysMs?: number[];
}

export interface LocalStack {
  endpoints: { s3: string; dynamodb: string };
  bucket: string;
  table: string;
  s3: S3Client;
  dynamodb: DynamoDBClient;
  /** Lambda async invocation of the ingest handler: dead letters, waiting. */
  invoker: AsyncInvoker;
  /** Lambda async invocation of the re-decision handler (`waitFor(reportId)`, `idle()`), reached through the local Lambda endpoint. */
  redecider: AsyncInvoker<RedecideEvent>;
  /** Lambda async invocation of the OCR handler, one scan at a time (its reserved concurrency on a laptop). */
  ocr: AsyncInvoker<OcrEvent>;
  /** The DynamoDB Local process, to stop and start again in fault tests (keeps its data only with `dataDir`). */
  dynamodbLocal: DynamoDbLocal;
  /** Puts an object under `incoming/` and resolves once its S3 event has been handled (or dead-lettered), a scan once OCR has stored it too. */
  upload(key: string, body: Uint8Array | string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The pipeline on one machine: DynamoDB Local and s3rver on 127.0.0.1, the bucket and table
 * created, and s3rver's ObjectCreated events under `incoming/` forwarded to the same ingest
 * handler that runs in Lambda. The SDK finds both services through the standard environment
 * variables set here (`AWS_ENDPOINT_URL_S3`, `AWS_ENDPOINT_URL_DYNAMODB`), the code path AWS uses.
 */
export async function startLocalStack(opts: LocalStackOptions = {}): Promise<LocalStack> {
  const bucket = opts.bucket ?? 'ogi-reports';
  const table = opts.table ?? 'ogi';
  if (opts.dataDir) {
    const running = readLiveEndpoints(opts.dataDir);
    if (running) throw new LocalStackRunning(opts.dataDir, running);
  }
  Object.assign(process.env, localSdkEnv());
  // CloudWatch EMF lines are for Lambda; here they would only flood the terminal (the tracer is off outside Lambda by itself).
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  const tmp = opts.dataDir ? undefined : mkdtempSync(path.join(os.tmpdir(), 'ogi-local-'));
  const dataDir = opts.dataDir ?? tmp!;

  // A data folder keeps its ports across restarts while they are free (links to them keep working).
  const kept = opts.dataDir ? keptPorts(opts.dataDir) : {};
  const s3rver = new S3rver({
    address: '127.0.0.1',
    port: kept.s3 ? await portOr(kept.s3) : 0,
    silent: true,
    directory: path.join(dataDir, 's3'),
    configureBuckets: [{ name: bucket }],
  });
  refuseUnsafeKeys(s3rver);
  atomicObjects(s3rver);
  const address = await s3rver.run();
  const ddbLocal = await startDynamoDbLocal(opts.dataDir ? path.join(dataDir, 'dynamodb') : undefined, kept.dynamodb).catch(async (err) => {
    await s3rver.close();
    throw err;
  });
  const endpoints = { s3: `http://127.0.0.1:${address.port}`, dynamodb: ddbLocal.endpoint };
  Object.assign(process.env, { AWS_ENDPOINT_URL_S3: endpoints.s3, AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb, OGI_TABLE: table, OGI_BUCKET: bucket });
  if (opts.dataDir) {
    writeEndpoints(opts.dataDir, { pid: process.pid, ...endpoints, bucket, table });
    keepPort(opts.dataDir, 's3', address.port);
    keepPort(opts.dataDir, 'dynamodb', Number(new URL(ddbLocal.endpoint).port));
  }

  const dynamodb = new DynamoDBClient({});
  await dynamodb.send(new CreateTableCommand(tableDefinition(table))).catch(async (err) => {
    if (!(err instanceof ResourceInUseException)) throw err;
    await addMissingIndexes(dynamodb, table);
  });
  const s3 = new S3Client({});

  // require, not import(): under tsx's CJS hook (bin/ogi.js) import() of a .ts path fails with ERR_MODULE_NOT_FOUND.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const handler = opts.handler ?? (require('../lambdas/ingest/handler') as typeof import('../lambdas/ingest/handler')).handler;
  const invoker = new AsyncInvoker(handler, { concurrency: opts.concurrency, retryDelaysMs: opts.retryDelaysMs, deadLetterFile: deadLetterFile(dataDir) });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const redecide = opts.redecide ?? (require('../lambdas/redecide/handler') as typeof import('../lambdas/redecide/handler')).handler;
  const redecider = new AsyncInvoker<RedecideEvent>(redecide, { retryDelaysMs: opts.retryDelaysMs, keysOf: (e) => [e.reportId] });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const readScan = opts.ocr ?? (require('../lambdas/ocr/handler') as typeof import('../lambdas/ocr/handler')).handler;
  const ocr = new AsyncInvoker<OcrEvent>(readScan, { concurrency: 1, retryDelaysMs: opts.retryDelaysMs, keysOf: (e) => [e.claim.source.key] });
  const lambda = await startLambdaEndpoint({ [REDECIDE_FUNCTION]: redecider, [OCR_FUNCTION]: ocr });
  Object.assign(process.env, { AWS_ENDPOINT_URL_LAMBDA: lambda.endpoint, OGI_REDECIDE_FUNCTION: REDECIDE_FUNCTION, OGI_OCR_FUNCTION: OCR_FUNCTION });
  s3rver.on('event', (event) => {
    const forwarded = asDelivered(event, bucket);
    if (forwarded.Records.length > 0) invoker.invoke(forwarded);
  });

  return {
    endpoints,
    bucket,
    table,
    s3,
    dynamodb,
    invoker,
    redecider,
    ocr,
    dynamodbLocal: ddbLocal,
    async upload(key, body) {
      // Only these keys raise an event the handler gets; waiting for any other would never end.
      if (!key.startsWith(INCOMING_PREFIX)) throw new RangeError(`upload() waits for ingest: the key must start with ${INCOMING_PREFIX}`);
      const problem = localKeyProblem(key);
      if (problem) throw new RangeError(problem);
      const before = invoker.settledCount(key);
      const scanned = ocr.settledCount(key);
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
      await invoker.waitFor(key, before);
      if (ocr.invokedCount(key) > scanned) await ocr.waitFor(key, scanned);
    },
    async stop() {
      await invoker.idle();
      await ocr.idle();
      await redecider.idle();
      await lambda.close();
      s3.destroy();
      dynamodb.destroy();
      await Promise.all([s3rver.close(), ddbLocal.stop()]);
      if (opts.dataDir) removeEndpoints(opts.dataDir);
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/**
 * Puts a guard in front of s3rver's own middleware: a request for a key the file store cannot hold
 * (localKeyProblem) gets S3's 400 `KeyTooLongError`/`InvalidArgument` instead of reaching the disk,
 * so no client can write outside the bucket's folders or end the server with a long name.
 */
function refuseUnsafeKeys(server: S3rver): void {
  const middleware = (server as unknown as { middleware: ((ctx: KoaContext, next: () => Promise<void>) => Promise<void> | void)[] }).middleware;
  middleware.unshift((ctx, next) => {
    const [, , ...rest] = ctx.path.split('/');
    let key: string;
    try {
      key = decodeURIComponent(rest.join('/'));
    } catch {
      key = rest.join('/');
    }
    const problem = key ? localKeyProblem(key) : undefined;
    if (!problem) return next();
    ctx.status = 400;
    ctx.type = 'application/xml';
    const code = /bytes/.test(problem) ? 'KeyTooLongError' : 'InvalidArgument';
    ctx.body = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${problem.replace(/[<&]/g, '')}</Message></Error>`;
  });
}

interface KoaContext {
  path: string;
  status: number;
  type: string;
  body: unknown;
}

/**
 * The event as the bucket notification would deliver it: ObjectCreated under `incoming/` of our
 * bucket only, keys URL-encoded as S3 encodes them (s3rver sends them raw).
 */
function asDelivered(event: S3Event, bucket: string): S3Event {
  return {
    Records: event.Records.filter(
      (r) => r.eventName.startsWith('ObjectCreated:') && r.s3.bucket.name === bucket && r.s3.object.key.startsWith(INCOMING_PREFIX),
    ).map((r) => ({ ...r, s3: { ...r.s3, object: { ...r.s3.object, key: encodeKey(r.s3.object.key) } } })),
  };
}
