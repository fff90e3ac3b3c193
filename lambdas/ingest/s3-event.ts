import type { S3Event, S3EventRecord } from 'aws-lambda';
import type { S3Source } from '../store';

/** Uploads are accepted under this prefix only; the bucket's notification filter says the same. */
export const INCOMING_PREFIX = 'incoming/';

/** Object metadata that carries the first upload's time through a re-drive (the reconciler copies an object onto itself). */
export const UPLOADED_AT_META = 'ogi-uploaded-at';

export interface Upload {
  source: S3Source;
  /** Object size from the event: lets the reader skip buffering an oversize file. */
  size: number;
  /** Event time: the later upload of an agency-year becomes current. */
  uploadedAt: string;
}

/**
 * The uploads an S3 event announces. S3 sends keys URL-encoded with `+` for spaces
 * (`incoming/2024+%E6%8A%A5%E5%91%8A.html`), so they are decoded before use.
 */
export function uploadsOf(event: S3Event): Upload[] {
  return (event.Records ?? [])
    .filter((r) => r.eventName?.startsWith('ObjectCreated:'))
    .map(toUpload)
    .filter((u) => u.source.key.startsWith(INCOMING_PREFIX));
}

export const decodeKey = (key: string) => decodeURIComponent(key.replace(/\+/g, ' '));

/** The inverse, as S3 encodes event keys: used by the local forwarder and tests. */
export const encodeKey = (key: string) => encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+');

function toUpload(r: S3EventRecord): Upload {
  return {
    source: { bucket: r.s3.bucket.name, key: decodeKey(r.s3.object.key), versionId: r.s3.object.versionId || undefined },
    size: r.s3.object.size ?? 0,
    uploadedAt: r.eventTime,
  };
}
