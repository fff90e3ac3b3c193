import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { keepPort, keptPorts, portOr } from '../../local/ports';
import { startLocalStack } from '../../local/stack';

// npm start keeps its ports in .local/ while they are free, so a bookmarked link to the page (and the
// endpoints other tools were given) still work after a restart.

const dir = mkdtempSync(path.join(tmpdir(), 'ogi-ports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const portOf = (url: string) => Number(new URL(url).port);

test('a restarted stack takes the ports of the last run in its data folder', async () => {
  const first = await startLocalStack({ dataDir: dir });
  const ports = { s3: portOf(first.endpoints.s3), dynamodb: portOf(first.endpoints.dynamodb) };
  await first.stop();
  expect(keptPorts(dir)).toMatchObject(ports);
  const second = await startLocalStack({ dataDir: dir });
  try {
    expect({ s3: portOf(second.endpoints.s3), dynamodb: portOf(second.endpoints.dynamodb) }).toEqual(ports);
  } finally {
    await second.stop();
  }
});

test('a kept port another program holds now is given up for a free one', async () => {
  const holder = net.createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  const taken = (holder.address() as net.AddressInfo).port;
  try {
    keepPort(dir, 'web', taken);
    expect(keptPorts(dir).web).toBe(taken);
    const port = await portOr(keptPorts(dir).web);
    expect(port).not.toBe(taken);
    expect(port).toBeGreaterThan(0);
  } finally {
    holder.close();
  }
  expect(await portOr(undefined)).toBeGreaterThan(0);
});
