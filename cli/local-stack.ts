import path from 'node:path';
import { useRunningLocalStack } from '../local/stack';
import { CommandError } from './usage';

/** The data folder `npm start` serves (`OGI_LOCAL_DIR` points elsewhere, e.g. for tests). */
export const localDir = () => process.env.OGI_LOCAL_DIR ?? path.resolve(__dirname, '..', '.local');

/**
 * Points the AWS SDK of this process at the stack `npm start` is running, or at the services
 * already named in the environment (`AWS_ENDPOINT_URL_DYNAMODB`, `OGI_TABLE`, `OGI_BUCKET`: AWS
 * itself, or another local stack). Returns false when neither is there.
 */
export function connectLocalStack(): boolean {
  if (process.env.OGI_TABLE && process.env.OGI_BUCKET) return true;
  return useRunningLocalStack(localDir()) !== undefined;
}

/** Like connectLocalStack, for commands that cannot run without a stack. */
export function requireLocalStack(command: string): void {
  if (!connectLocalStack()) throw new CommandError(`no running stack: start one with \`npm start\` (it keeps running), then run ${command} again`);
}
