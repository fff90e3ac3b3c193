import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { S3Source } from '../store';

/** Long enough to start a download, short enough that a forwarded link soon stops working. */
export const SOURCE_LINK_SECONDS = 300;

let s3: S3Client | undefined;

/** A presigned GET of the exact object version that was parsed. */
export async function sourceLink(source: S3Source, filename: string): Promise<{ url: string; expiresAt: string }> {
  const url = await getSignedUrl(
    (s3 ??= new S3Client({})),
    new GetObjectCommand({
      Bucket: source.bucket,
      Key: source.key,
      VersionId: source.versionId,
      ResponseContentDisposition: `inline; filename*=UTF-8''${encodeURIComponent(filename)}`,
    }),
    { expiresIn: SOURCE_LINK_SECONDS },
  );
  return { url, expiresAt: new Date(Date.now() + SOURCE_LINK_SECONDS * 1000).toISOString() };
}
