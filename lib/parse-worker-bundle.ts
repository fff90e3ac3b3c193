import path from 'node:path';
import { BUNDLE_EXTERNALS } from './lambda-defaults';

/** Where the parse worker's source is, relative to the project root. */
export const PARSE_WORKER_ENTRY = path.join('lambdas', 'core', 'record', 'parse-worker.ts');
/** Its file name in the bundle: `parseIsolated` looks for it next to the handler. */
export const PARSE_WORKER_FILE = 'parse-worker.js';

/**
 * esbuild arguments that bundle a worker (`entry`, relative to the project root) into `outputDir` as `file`, with
 * the settings of the functions' own bundles (lib/lambda-defaults.ts): a worker needs a file of its own to run.
 * onnxruntime stays out: the ingest parse never runs OCR (it hands scans to the OCR function), and the OCR function
 * ships onnxruntime beside its bundle (lib/ocr-bundle.ts).
 */
export function workerEsbuildArgs(projectRoot: string, entry: string, outputDir: string, file: string): string[] {
  return [
    path.join(projectRoot, entry),
    '--bundle',
    '--platform=node',
    '--target=node20',
    '--format=cjs',
    '--minify',
    '--sourcemap',
    '--external:onnxruntime-node',
    ...BUNDLE_EXTERNALS.map((m) => `--external:${m}`),
    `--outfile=${path.join(outputDir, file)}`,
  ];
}

/** The parse worker's esbuild arguments. */
export const parseWorkerEsbuildArgs = (projectRoot: string, outputDir: string) =>
  workerEsbuildArgs(projectRoot, PARSE_WORKER_ENTRY, outputDir, PARSE_WORKER_FILE);

/** The NodejsFunction hook that writes the worker next to the handler's bundle. */
export const parseWorkerHooks = {
  beforeBundling: (): string[] => [],
  beforeInstall: (): string[] => [],
  afterBundling: (inputDir: string, outputDir: string): string[] => [
    [path.join(inputDir, 'node_modules', '.bin', 'esbuild'), ...parseWorkerEsbuildArgs(inputDir, outputDir)].map(quote).join(' '),
  ],
};

/** A word for `sh`, single-quoted. */
export const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
