import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Report } from '../core/types';

/**
 * The full parsed record (sections, evidence, narrative, repairs) lives in the bucket as JSON,
 * too large for an item; the report item keeps `recordKey`. Bucket from `OGI_BUCKET`.
 */
export const RECORDS_PREFIX = 'records/';

export const recordKey = (id: string) => `${RECORDS_PREFIX}${id}.json`;

let s3: S3Client | undefined;
const client = () => (s3 ??= new S3Client({}));

export async function putRecordObject(bucket: string, report: Report): Promise<string> {
  const key = recordKey(report.id);
  await client().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: JSON.stringify(report), ContentType: 'application/json; charset=utf-8' }));
  return key;
}

export async function getRecordObject(bucket: string, key: string): Promise<Report> {
  const res = await client().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return JSON.parse(await res.Body!.transformToString('utf-8')) as Report;
}
