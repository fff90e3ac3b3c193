import { CopyObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { INCOMING_PREFIX, UPLOADED_AT_META } from '../ingest/s3-event';
import { DEFAULT_LEASE_MS, OCR_LEASE_MS, sourceStates, type SourceState } from '../store';

/** A report not final this long after its upload is stuck: the alarm's threshold. */
export const STALE_MS = 15 * 60_000;

export interface ReconcileOptions {
  bucket: string;
  now?: Date;
  /** Objects younger than this are left to their own event (default 5 min). */
  graceMs?: number;
  /** Re-drives per report before the reconciler stops trying (its failures stay `failed`, and counted stale). */
  maxAttempts?: number;
  /** The ingest claim's lease, for claims stored without their end: in flight until it ends (default DEFAULT_LEASE_MS). */
  leaseMs?: number;
  /** Whether to announce this upload again (default: yes); a caller that waits for its own announcements says no to those. */
  announce?: (key: string, state: SourceState | undefined) => boolean;
}

export interface ReconcileOutcome {
  objects: number;
  final: number;
  /** Keys whose upload was announced again. */
  redriven: string[];
  /** Keys without a final status over STALE_MS after upload (what the alarm counts). */
  stale: string[];
  /** Keys left alone because an attempt holds their claim, and when its lease ends. */
  inFlight: { key: string; leaseUntil: number }[];
  /** Keys whose attempts are used up: they stay `failed` until an operator looks. */
  givenUp: string[];
  /** Every key without a final status. */
  notFinal: string[];
}

let s3: S3Client | undefined;
const client = () => (s3 ??= new S3Client({}));

/**
 * Compares the originals under `incoming/` with the records and announces again every upload
 * without a final status (`parsed`/`rejected`): no record (the event was lost in an outage), a
 * `failed` one, or a `received` one whose claim has expired. The announcement is the object copied
 * onto itself (a new ObjectCreated event, the original upload time in its metadata), so the same
 * ingest path runs in AWS and locally; the content claim makes a repeat harmless.
 */
export async function reconcile(opts: ReconcileOptions): Promise<ReconcileOutcome> {
  const now = (opts.now ?? new Date()).getTime();
  const grace = opts.graceMs ?? 5 * 60_000;
  const maxAttempts = opts.maxAttempts ?? 5;
  const out: ReconcileOutcome = { objects: 0, final: 0, redriven: [], stale: [], inFlight: [], givenUp: [], notFinal: [] };
  for await (const page of incomingPages(opts.bucket)) {
    const states = await sourceStates(
      opts.bucket,
      page.map((o) => o.key),
    );
    for (const object of page) {
      out.objects++;
      const state = states.get(object.key);
      if (state && (state.status === 'parsed' || state.status === 'rejected')) {
        out.final++;
        continue;
      }
      out.notFinal.push(object.key);
      if (now - object.uploadedAt.getTime() >= STALE_MS) out.stale.push(object.key);
      const leaseUntil = leaseEnd(state, opts.leaseMs ?? DEFAULT_LEASE_MS);
      if (leaseUntil > now) out.inFlight.push({ key: object.key, leaseUntil });
      else if (state && state.attempts >= maxAttempts) out.givenUp.push(object.key);
      if (now - object.lastModified.getTime() < grace || leaseUntil > now || (state && state.attempts >= maxAttempts)) continue;
      if (opts.announce && !opts.announce(object.key, state)) continue;
      await redrive(opts.bucket, object);
      out.redriven.push(object.key);
    }
  }
  return out;
}

/**
 * When a claim stops blocking a re-drive: a `received` claim at the lease stored with it, else the claim time plus
 * `leaseMs`; a scan handed to OCR (`ocr`) at its claim time plus the OCR lease; 0 for no claim.
 */
function leaseEnd(s: SourceState | undefined, leaseMs: number): number {
  if (s?.claimedAt === undefined) return 0;
  if (s.status === 'ocr') return Date.parse(s.claimedAt) + OCR_LEASE_MS;
  if (s.status !== 'received') return 0;
  return s.leaseUntil ? Date.parse(s.leaseUntil) : Date.parse(s.claimedAt) + leaseMs;
}

export interface IncomingObject {
  key: string;
  lastModified: Date;
  /** The object's own time (a re-drive's copy keeps the first upload's time in its metadata). */
  uploadedAt: Date;
}

/** The objects under `incoming/`, a listing page (up to 1,000) at a time. */
async function* incomingPages(bucket: string): AsyncGenerator<IncomingObject[]> {
  let token: string | undefined;
  do {
    const page = await client().send(new ListObjectsV2Command({ Bucket: bucket, Prefix: INCOMING_PREFIX, ContinuationToken: token }));
    yield (page.Contents ?? []).flatMap((o) => (o.Key && o.LastModified ? [{ key: o.Key, lastModified: o.LastModified, uploadedAt: o.LastModified }] : []));
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
}

/** A new ObjectCreated event for the same bytes: the object copied onto itself with the upload time kept. */
export async function redrive(bucket: string, object: IncomingObject): Promise<void> {
  // A second re-drive keeps the time the first one recorded.
  const head = await client().send(new HeadObjectCommand({ Bucket: bucket, Key: object.key }));
  const uploadedAt = head.Metadata?.[UPLOADED_AT_META] ?? object.uploadedAt.toISOString();
  await client().send(
    new CopyObjectCommand({
      Bucket: bucket,
      Key: object.key,
      // Each path segment encoded on its own, as S3 (and s3rver) expect the copy source.
      CopySource: `${bucket}/${object.key.split('/').map(encodeURIComponent).join('/')}`,
      MetadataDirective: 'REPLACE',
      Metadata: { [UPLOADED_AT_META]: uploadedAt },
    }),
  );
}
