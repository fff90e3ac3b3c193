import path from 'node:path';

/**
 * pdf.js's browser build (legacy, for older browsers too) as the page loads it from its own origin:
 * the local server serves these files and the CDK stack copies them next to the page. They are
 * static files, never imported by a Lambda.
 */
export const PDFJS_DIR = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'legacy', 'build');
export const PDFJS_FILES = ['pdf.min.mjs', 'pdf.worker.min.mjs'];
/** Where the page finds them, relative to index.html. */
export const PDFJS_PREFIX = 'vendor/pdfjs/';
