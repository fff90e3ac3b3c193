/** Transpile-only (swc); type-checking is the separate `tsc --noEmit` step of `npm test`. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  setupFiles: ['<rootDir>/test/setup-env.js'],
  moduleNameMapper: { '^unpdf$': '<rootDir>/test/unpdf-native.js', '^onnxruntime-node$': '<rootDir>/test/onnxruntime-native.js' },
  testTimeout: 60000,
};
