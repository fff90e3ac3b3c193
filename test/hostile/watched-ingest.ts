import type { S3Event } from 'aws-lambda';
import { createHandler } from '../../lambdas/ingest/handler';
import type { IngestOptions } from '../../lambdas/ingest/ingest-upload';
import type { S3Handler } from '../../local/async-invoker';

/**
 * The real ingest handler (`ingest`) and, for the local stack, the same wrapped (`handler`) to keep
 * every error that escapes it: a hostile file or a fault must end as a stored record, so a test
 * expects `escaped` to stay empty, or to hold only what Lambda would retry. `onInvoke` runs first
 * on each invocation (a fault test's hook).
 */
export function watchedIngest(options: IngestOptions = {}, onInvoke: () => void = () => {}) {
  const ingest = createHandler(options);
  const escaped: unknown[] = [];
  const handler: S3Handler = async (event: S3Event) => {
    onInvoke();
    try {
      return await ingest(event);
    } catch (err) {
      escaped.push(err);
      throw err;
    }
  };
  return { ingest, handler, escaped };
}
