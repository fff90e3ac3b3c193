import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { S3Source } from '../store';
import { UPLOADED_AT_META } from './s3-event';

export interface ObjectBytes {
  sha256: string;
  size: number;
  /** The content, or undefined when it is over `maxBytes` (hashed, never held in memory). */
  bytes?: Uint8Array;
  /** The first upload's time when the object is a re-drive's copy of itself (reconciler metadata). */
  uploadedAt?: string;
}

let s3: S3Client | undefined;
const client = () => (s3 ??= new S3Client({}));

/**
 * Streams the object once: hashes every byte (content idempotency needs the hash even for a file
 * that is refused), keeps the bytes only up to `maxBytes`, so an oversize upload cannot exhaust
 * the function's memory.
 */
export async function readObject(source: S3Source, maxBytes: number): Promise<ObjectBytes> {
  const res = await client().send(new GetObjectCommand({ Bucket: source.bucket, Key: source.key, VersionId: source.versionId }));
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.Body as Readable) {
    const buf = chunk as Buffer;
    hash.update(buf);
    size += buf.byteLength;
    if (size <= maxBytes) chunks.push(buf);
  }
  const uploadedAt = res.Metadata?.[UPLOADED_AT_META];
  return { sha256: hash.digest('hex'), size, bytes: size <= maxBytes ? Buffer.concat(chunks, size) : undefined, uploadedAt };
}
