import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE_TARGET, LAMBDA_RUNTIME } from '../../lib/lambda-defaults';

const ROOT = path.join(__dirname, '..', '..');
const read = (f: string) => readFileSync(path.join(ROOT, f), 'utf8');
const engines = JSON.parse(read('package.json')).engines.node as string;

describe('one Node.js answer everywhere', () => {
  const floor = /^>=(\d+)\.(\d+)$/.exec(engines);

  it('package.json names a floor, and this process runs at or above it', () => {
    expect(floor).not.toBeNull();
    const [major, minor] = process.versions.node.split('.').map(Number);
    expect(major > Number(floor![1]) || (major === Number(floor![1]) && minor >= Number(floor![2]))).toBe(true);
  });

  it('bundles Lambda code for the engines floor and runs it on Node.js 22', () => {
    expect(BUNDLE_TARGET).toBe(`node${floor![1]}`);
    expect(LAMBDA_RUNTIME.name).toBe('nodejs22.x');
  });

  it('.ci/run checks the engines floor and the README states the same versions', () => {
    expect(read('.ci/run')).toContain("require('./package.json').engines.node");
    const readme = read('README.md');
    expect(readme).toContain(`\`engines\` \`${engines}\``);
    expect(readme).toContain('Lambda runs Node.js 22');
  });
});
