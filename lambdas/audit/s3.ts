import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { AuditConfigError } from './errors';

let client: S3Client | undefined;
const s3 = () => (client ??= new S3Client({}));

/** The bucket of uploads, records, the registry and audit reports (`OGI_BUCKET`). */
export function auditBucket(): string {
  const bucket = process.env.OGI_BUCKET;
  if (!bucket) throw new AuditConfigError('OGI_BUCKET is not set');
  return bucket;
}

/** An object's text, or undefined when there is no such key. */
export async function readText(bucket: string, key: string): Promise<string | undefined> {
  try {
    const res = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return await res.Body!.transformToString('utf-8');
  } catch (err) {
    if (err instanceof NoSuchKey) return undefined;
    throw err;
  }
}

export async function writeText(bucket: string, key: string, body: string, contentType: string): Promise<void> {
  await s3().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
}

/** An object's lines as they arrive, never the whole object in memory at once. */
export async function* readLines(bucket: string, key: string): AsyncGenerator<string> {
  const res = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  yield* createInterface({ input: res.Body as Readable, crlfDelay: Infinity });
}
