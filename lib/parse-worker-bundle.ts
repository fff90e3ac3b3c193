import path from 'node:path';

/** Where the parse worker's source is, relative to the project root. */
export const PARSE_WORKER_ENTRY = path.join('lambdas', 'core', 'record', 'parse-worker.ts');
/** Its file name in the bundle: `parseIsolated` looks for it next to the handler. */
export const PARSE_WORKER_FILE = 'parse-worker.js';

/**
 * esbuild arguments that bundle the parse worker into `outputDir`, with the settings of the
 * functions' own bundles (lib/lambda-defaults.ts): a worker thread needs a file of its own to run.
 */
export function parseWorkerEsbuildArgs(projectRoot: string, outputDir: string): string[] {
  return [
    path.join(projectRoot, PARSE_WORKER_ENTRY),
    '--bundle',
    '--platform=node',
    '--target=node20',
    '--format=cjs',
    '--minify',
    '--sourcemap',
    // The ingest parse never runs OCR (it hands scans to the OCR function): onnxruntime's native library stays out.
    '--external:onnxruntime-node',
    `--outfile=${path.join(outputDir, PARSE_WORKER_FILE)}`,
  ];
}

/** The NodejsFunction hook that writes the worker next to the handler's bundle. */
export const parseWorkerHooks = {
  beforeBundling: (): string[] => [],
  beforeInstall: (): string[] => [],
  afterBundling: (inputDir: string, outputDir: string): string[] => [
    [path.join(inputDir, 'node_modules', '.bin', 'esbuild'), ...parseWorkerEsbuildArgs(inputDir, outputDir)].map(quote).join(' '),
  ],
};

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
