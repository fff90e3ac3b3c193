import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './run-ogi';

const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

describe('npm run eval', () => {
  it.each([
    [['/no/such/corpus'], 1, /^eval: no such folder: \/no\/such\/corpus\n$/],
    [[], 2, /^eval: usage: npm run eval -- DIR \[--variants\]\n$/],
  ])('%j prints one line and exits %i', (args, code, message) => {
    const res = spawnSync(TSX, [path.join(ROOT, 'scripts', 'eval.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
    expect(res.status).toBe(code);
    expect(res.stderr).toMatch(message);
  });
});
