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
