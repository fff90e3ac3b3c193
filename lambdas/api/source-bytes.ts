import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { S3Source } from '../store';
import { HttpError } from './errors';

/** Lambda answers at most 6 MB, and bytes travel base64-encoded (4/3): larger originals go by their presigned link. */
export const MAX_INLINE_BYTES = 4 * 1024 * 1024;

let s3: S3Client | undefined;

/**
 * The exact object version that was parsed: for the page to render (the PDF evidence view), or
 * for the API to read again (the text around an HTML or text value), up to `max` bytes.
 */
export async function sourceBytes(source: S3Source, max = MAX_INLINE_BYTES): Promise<Uint8Array> {
  const res = await (s3 ??= new S3Client({})).send(new GetObjectCommand({ Bucket: source.bucket, Key: source.key, VersionId: source.versionId }));
  if ((res.ContentLength ?? 0) > max) {
    res.Body?.transformToWebStream()
      .cancel()
      .catch(() => undefined);
    throw new HttpError(413, 'too_large', `The original is over ${(max / 2 ** 20).toFixed(0)} MB; open it with GET /reports/{id}/source instead.`);
  }
  return res.Body!.transformToByteArray();
}
