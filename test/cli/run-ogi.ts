import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const OGI = path.join(ROOT, 'bin', 'ogi.js');

/** The environment without any stack a test in this worker may have pointed the process at. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  for (const k of Object.keys(env)) if (/^(OGI_TABLE|OGI_BUCKET|AWS_ENDPOINT_URL)/.test(k)) delete env[k];
  return env;
}

/** `ogi ARGS` as a user runs it (bin/ogi.js in its own process), or a shell pipeline with `$OGI` standing for it. */
export function ogi(args: string[], env = cleanEnv()): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [OGI, ...args], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

export function shell(script: string, env = cleanEnv()): SpawnSyncReturns<string> {
  return spawnSync('bash', ['-o', 'pipefail', '-c', script.replaceAll('$OGI', '"$OGI_NODE" "$OGI_JS"')], {
    cwd: ROOT,
    env: { ...env, OGI_NODE: process.execPath, OGI_JS: OGI },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}
