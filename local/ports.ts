import { readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { freePort } from './free-port';

/** The local services whose ports `npm start` keeps across restarts, so bookmarked links keep working. */
export type Service = 'web' | 's3' | 'dynamodb';

const FILE = 'ports.json';

/** The ports the last run in `dataDir` used (none for a new folder). */
export function keptPorts(dataDir: string): Partial<Record<Service, number>> {
  try {
    return JSON.parse(readFileSync(path.join(dataDir, FILE), 'utf8')) as Partial<Record<Service, number>>;
  } catch {
    return {};
  }
}

export function keepPort(dataDir: string, service: Service, port: number): void {
  writeFileSync(path.join(dataDir, FILE), JSON.stringify({ ...keptPorts(dataDir), [service]: port }, null, 2) + '\n');
}

/** `wanted` when it is free on 127.0.0.1, else any free port (another program took it meanwhile). */
export async function portOr(wanted: number | undefined): Promise<number> {
  if (wanted && (await isFree(wanted))) return wanted;
  return freePort();
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
