import { spawnSync } from 'node:child_process';
import path from 'node:path';

// The parse workers' shared budget is the process's memory less its own RSS. When the process alone
// already fills it (a jest run, a Lambda whose SDK and handler grew), a finished parse must still hand
// its worker back: ending idle workers is all give() can do, and with none left it must stop trying.
// It once spun forever there (no idle worker to end, the busy ones over the budget by themselves), so
// the parses run in a child process that a hang fails by its timeout instead of stalling this suite.
const ROOT = path.join(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

const script = `
const { readFileSync } = require('node:fs');
const { parseIsolated, closeParseWorkers, parseLoad } = require('./lambdas/core/record/parse-isolated');
(async () => {
  const bytes = readFileSync('samples/000_a211173aaaac4cee.txt');
  const reports = await Promise.all([1, 2, 3].map((n) => parseIsolated({ id: 'r' + n, name: 'r.txt', bytes })));
  const again = await parseIsolated({ id: 'r4', name: 'r.txt', bytes });
  console.log(JSON.stringify({ statuses: [...reports, again].map((r) => r.status), load: parseLoad() }));
  await closeParseWorkers();
})();
`;

test('parses end and their workers are handed back when the process alone is over its memory budget', () => {
  const res = spawnSync(TSX, ['-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, OGI_MEMORY_MB: '64' },
  });
  expect(res.signal).toBeNull();
  expect(res.stderr).toBe('');
  const out = JSON.parse(res.stdout.trim().split('\n').pop()!);
  expect(out.statuses).toEqual(['parsed', 'parsed', 'parsed', 'parsed']);
  expect(out.load.busy).toBe(0);
}, 180_000);
