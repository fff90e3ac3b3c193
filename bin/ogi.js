#!/usr/bin/env node
// The `ogi` CLI: runs the TypeScript entry through tsx, so no build step is needed.
const path = require('node:path');
require('tsx/cjs');
require(path.join(__dirname, '..', 'cli', 'main.ts')).run();
