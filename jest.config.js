/** Transpile-only (swc); type-checking is the separate `tsc --noEmit` step of `npm test`. */
const { missing, ROOT } = require('./test/needs');

const base = {
  rootDir: ROOT,
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: {
    '^.+\\.tsx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  setupFiles: ['<rootDir>/test/setup-env.js'],
  moduleNameMapper: { '^unpdf$': '<rootDir>/test/unpdf-native.js', '^onnxruntime-node$': '<rootDir>/test/onnxruntime-native.js' },
};

/** Suites needing a system tool this machine lacks (CI fails on it in test/global-setup.js instead). */
const skipped = process.env.CI === 'true' ? [] : missing().flatMap((g) => g.suites.map((s) => `<rootDir>/${s}`));

module.exports = {
  testTimeout: 60000,
  globalSetup: '<rootDir>/test/global-setup.js',
  projects: [
    {
      ...base,
      displayName: 'main',
      setupFiles: [...base.setupFiles, '<rootDir>/test/setup-main.js'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/hostile/bounds.test.ts', ...skipped],
    },
    // The bounds suite measures its own process's peak memory: it runs alone, after the others (npm test).
    { ...base, displayName: 'bounds', testMatch: ['<rootDir>/test/hostile/bounds.test.ts'], testPathIgnorePatterns: ['/node_modules/', ...skipped] },
  ],
};
