import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where a running local stack says how to reach it: other processes (`ogi upload`, `ogi reports`) read it. */
export interface LocalEndpoints {
  pid: number;
  s3: string;
  dynamodb: string;
  bucket: string;
  table: string;
}

const FILE = 'endpoints.json';

export function writeEndpoints(dataDir: string, e: LocalEndpoints): void {
  writeFileSync(path.join(dataDir, FILE), JSON.stringify(e, null, 2) + '\n');
}

export function removeEndpoints(dataDir: string): void {
  rmSync(path.join(dataDir, FILE), { force: true });
}

/** The endpoints of the stack serving `dataDir`, if its process is still alive. */
export function readLiveEndpoints(dataDir: string): LocalEndpoints | undefined {
  let e: LocalEndpoints;
  try {
    e = JSON.parse(readFileSync(path.join(dataDir, FILE), 'utf8')) as LocalEndpoints;
  } catch {
    return undefined; // no stack has written one (or it was removed on stop)
  }
  try {
    process.kill(e.pid, 0);
    return e;
  } catch {
    return undefined; // left behind by a stack that was killed
  }
}

/**
 * Points this process's AWS SDK (and the store) at the stack already serving `dataDir`
 * (`npm start -- --serve`), through the same environment variables. Returns its endpoints, or
 * undefined when none is running.
 */
export function useRunningLocalStack(dataDir: string): LocalEndpoints | undefined {
  const e = readLiveEndpoints(dataDir);
  if (!e) return undefined;
  Object.assign(process.env, localSdkEnv(), {
    AWS_ENDPOINT_URL_S3: e.s3,
    AWS_ENDPOINT_URL_DYNAMODB: e.dynamodb,
    OGI_TABLE: e.table,
    OGI_BUCKET: e.bucket,
  });
  return e;
}

/** SDK settings for the emulators (../shared/STACK.md); the endpoints are added per stack. */
export function localSdkEnv(): Record<string, string> {
  return {
    AWS_REGION: process.env.AWS_REGION ?? 'us-east-1',
    // s3rver checks signatures against its fixed credentials; nothing here reaches AWS.
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
    AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}
