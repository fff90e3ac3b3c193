import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deadLetterFile, readDeadLetters, writeDeadLetters } from '../../local/dead-letters';
import { startLocalStack, type LocalStack } from '../../local/stack';
import { reportHtml } from '../../local/synthetic-report';
import { s3EventFor } from '../integration/s3-event';
import { cleanEnv, OGI, ROOT } from './run-ogi';

// `ogi redrive` as an operator runs it (its own process, against a stack's data folder), with
// none of the Powertools settings the tests give themselves.
const dir = mkdtempSync(path.join(tmpdir(), 'ogi-redrive-'));
let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack({ dataDir: dir });
});
afterAll(async () => {
  await stack?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** `ogi redrive` in its own process, without blocking this one (which serves the stack it talks to). */
function redrive(): Promise<{ status: number; stdout: string }> {
  const env = cleanEnv({ OGI_LOCAL_DIR: dir });
  for (const k of Object.keys(env)) if (k.startsWith('POWERTOOLS_')) delete env[k];
  return new Promise((resolve) =>
    execFile(process.execPath, [OGI, 'redrive'], { cwd: ROOT, env, encoding: 'utf8' }, (err, stdout) =>
      resolve({ status: err ? Number((err as { code?: number }).code) : 0, stdout }),
    ),
  );
}

it('prints only its summary on stdout (no Powertools lines, no EMF), and counts how often a letter failed', async () => {
  await stack.upload('incoming/redrive/ok.html', reportHtml('白河县档案局', 2024, 7));
  const file = deadLetterFile(dir);
  writeDeadLetters(file, [
    { event: s3EventFor(stack.bucket, 'incoming/redrive/ok.html'), error: 'Error: table down', at: '2026-01-01T00:00:00.000Z', failures: 1 },
    { event: s3EventFor('no-such-bucket', 'incoming/redrive/gone.html'), error: 'Error: table down', at: '2026-01-01T00:00:00.000Z' },
  ]);
  const first = await redrive();
  expect(first.status).toBe(1);
  expect(first.stdout.split('\n').filter(Boolean)).toEqual([
    `2 dead letters, 1 processed, 1 failed again (kept in ${file})`,
    expect.stringMatching(/^ {2}incoming\/redrive\/gone\.html: failed 2 times, last \S+/),
  ]);
  expect(first.stdout).not.toMatch(/"level"|_aws|CloudWatchMetrics/);
  const second = await redrive();
  expect(second.stdout).toMatch(/^1 dead letters, 0 processed, 1 failed again/);
  expect(second.stdout).toMatch(/gone\.html: failed 3 times/);
  expect(readDeadLetters(file).map((l) => l.failures)).toEqual([3]);
}, 120_000);
