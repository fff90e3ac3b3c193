import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, fstat, mkdirSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import type S3rver from 's3rver';

/** The part of s3rver's file store (lib/stores/filesystem.js) this replaces or calls. */
interface StoredObject {
  bucket: string;
  key: string;
  content: Buffer | Readable | null;
  metadata: Record<string, string>;
  readonly size: number;
}
interface FilesystemStore {
  rootDirectory: string;
  getResourcePath(bucket: string, key: string, resource: string): string;
  getObject(bucket: string, key: string, options?: unknown): Promise<StoredObject | null>;
  putObject(object: StoredObject): Promise<{ size: number; md5: string }>;
  putMetadata(bucket: string, key: string, metadata: Record<string, string>, md5?: string): Promise<void>;
}

/** A GET that keeps meeting a PUT gives up re-reading after this many tries (and returns what it read). */
const READ_TRIES = 10;

/**
 * S3 replaces an object whole: a GET during a PUT of the same key gets the old body or the new one.
 * s3rver truncates the object's file and writes it in place (and says the PUT is done before the
 * bytes are flushed), so the API reading a record that a re-decision is rewriting got half a JSON
 * body. Here each file of an object is written beside the bucket and renamed over the old one once
 * flushed; a GET whose opened file is not the one its length was taken from (a rename fell between
 * the two) reads again.
 */
export function atomicObjects(server: S3rver): void {
  const store = (server as unknown as { store: FilesystemStore }).store;
  const staging = `${store.rootDirectory}.partial`;
  mkdirSync(staging, { recursive: true });
  const stagedPath = () => path.join(staging, randomUUID());

  const putMetadata = store.putMetadata;
  store.putMetadata = async (bucket, key, metadata, md5) => {
    // s3rver's own code picks what it keeps; its writes go to staged files, renamed after it.
    const staged = new Map<string, string>();
    const stagingStore = Object.create(store, {
      getResourcePath: {
        value: (b: string, k: string, resource: string) => {
          const file = stagedPath();
          staged.set(file, store.getResourcePath(b, k, resource));
          return file;
        },
      },
    }) as FilesystemStore;
    try {
      await putMetadata.call(stagingStore, bucket, key, metadata, md5);
      // A path it asked for and did not write (the digest, when a copy replaces only the metadata) is left as it is.
      for (const [file, target] of staged)
        await rename(file, target).catch((err: NodeJS.ErrnoException) => {
          if (err.code !== 'ENOENT') throw err;
        });
    } catch (err) {
      // Renamed files are gone from the staging folder: only a failed write leaves any there.
      await Promise.all([...staged.keys()].map((file) => rm(file, { force: true })));
      throw err;
    }
  };

  store.putObject = async (object) => {
    const md5 = createHash('md5');
    let size = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        md5.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    const body = Buffer.isBuffer(object.content) ? Readable.from([object.content]) : (object.content ?? Readable.from([]));
    const target = store.getResourcePath(object.bucket, object.key, 'object');
    const staged = stagedPath();
    try {
      await pipeline(body, tap, createWriteStream(staged));
      await mkdir(path.dirname(target), { recursive: true });
      await rename(staged, target);
    } catch (err) {
      await rm(staged, { force: true });
      throw err;
    }
    const digest = md5.digest('hex');
    await store.putMetadata(object.bucket, object.key, object.metadata, digest);
    return { size, md5: digest };
  };

  const getObject = store.getObject.bind(store);
  const sizeOf = promisify(fstat);
  store.getObject = async (bucket, key, options) => {
    for (let tries = 1; ; tries++) {
      const object = await getObject(bucket, key, options);
      // s3rver hands back the file's read stream once it is open.
      const file = object?.content as (Readable & { fd?: number }) | null | undefined;
      if (file?.fd === undefined || tries === READ_TRIES || (await sizeOf(file.fd)).size === object!.size) return object;
      file.destroy();
    }
  };
}
