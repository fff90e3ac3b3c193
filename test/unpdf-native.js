// unpdf's CommonJS build loads pdf.js with a native `import()`, which jest's module sandbox cannot run
// without --experimental-vm-modules. Tests load unpdf with Node's own module loader instead (mapped here
// by jest.config.js moduleNameMapper; jest replaces `createRequire`, so a Module is built by hand).
// The Lambda bundle and tsx import unpdf directly.
const Module = require('node:module');
const loader = new Module(__filename);
loader.filename = __filename;
loader.paths = Module._nodeModulePaths(__dirname);
const unpdf = loader.require('unpdf');
module.exports = Object.fromEntries([['__esModule', true], ...Object.getOwnPropertyNames(unpdf).map((k) => [k, unpdf[k]])]);

// jest gives each test file a process object of its own, so load.ts's guard against pdf.js's stray
// rejections lands there, never on this worker's real process, where pdf.js (loaded natively above and
// shared by every test file the worker runs) raises them: between test files nothing would catch one.
// The same guard on the real process, once per worker.
const realProcess = loader.require('process');
if (!realProcess.ogiPdfJsGuard) {
  realProcess.ogiPdfJsGuard = true;
  realProcess.on('unhandledRejection', require('../lambdas/core/partition/pdf/load').pdfJsStrayGuard(realProcess));
}
