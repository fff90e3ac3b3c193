import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The folders depend on each other in one direction only: the Lambda code on nothing of the
 * project's tools, the local stack and the shared terminal pieces (`local/`) on the Lambda code,
 * the `ogi` command and the scripts on `local/` and never on each other. A cycle (it was
 * scripts/ → cli/ → scripts/local) fails here, naming the import.
 */
const ROOT = path.join(__dirname, '..', '..');

/**
 * What each top-level folder may import besides itself; the tools that make data (scripts, bench) may use the tests' fixtures.
 * The local stack reads the audit state machine's synthesized definition from lib/ (lib/audit-definition.ts, no CDK import).
 */
const ALLOWED: Record<string, string[]> = {
  lambdas: [],
  lib: ['lambdas'],
  local: ['lambdas', 'lib'],
  cli: ['lambdas', 'local'],
  scripts: ['lambdas', 'local', 'test'],
  bin: ['lib', 'cli'],
  bench: ['lambdas', 'lib', 'local', 'scripts', 'test'],
};

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|js)$/.test(e.name) && !e.parentPath.includes('node_modules'))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

/** The project files a source file imports (import/export from, require, import()), as top-level folders. */
function importedFolders(file: string): { spec: string; folder: string }[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|require\(\s*|import\(\s*)(['"])(\.{1,2}\/[^'"]+)\1/g)].map((m) => m[2]);
  return specs.map((spec) => ({ spec, folder: path.relative(ROOT, path.resolve(ROOT, path.dirname(file), spec)).split(path.sep)[0] }));
}

const edges = Object.keys(ALLOWED).flatMap((folder) =>
  sources(folder).flatMap((file) => importedFolders(file).map((i) => ({ file, from: folder, to: i.folder, spec: i.spec }))),
);

it('reads imports from every folder (the check sees something)', () => {
  expect(edges.filter((e) => e.from === 'cli' && e.to === 'local').length).toBeGreaterThan(3);
  expect(edges.filter((e) => e.from === 'scripts' && e.to === 'local').length).toBeGreaterThan(1);
});

it.each(Object.keys(ALLOWED))('%s/ imports only the folders below it', (folder) => {
  const wrong = edges.filter((e) => e.from === folder && e.to !== folder && !ALLOWED[folder].includes(e.to)).map((e) => `${e.file} → ${e.spec}`);
  expect(wrong).toEqual([]);
});

it('keeps lambdas/core pure: no AWS SDK, no store, no handler', () => {
  const impure = sources('lambdas/core').flatMap((file) => {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    const bad = [...text.matchAll(/from\s+['"]([^'"]+)['"]/g)]
      .map((m) => m[1])
      .filter(
        (s) =>
          s.startsWith('@aws-sdk/') ||
          s.startsWith('@aws-lambda-powertools/') ||
          (s.startsWith('.') && !path.resolve(ROOT, path.dirname(file), s).includes(`lambdas${path.sep}core`)),
      );
    return bad.map((s) => `${file} → ${s}`);
  });
  expect(impure).toEqual([]);
});
