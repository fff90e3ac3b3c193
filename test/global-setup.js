// Before any test: one line naming each system tool that is missing (test/needs.js), then, under CI
// or without Java (nearly every suite starts DynamoDB Local), exit 1; otherwise jest.config.js has
// left out the suites that need the tool and the line names them.
const { fatal, line, missing } = require('./needs');

module.exports = async (globalConfig) => {
  const gaps = missing();
  if (gaps.length === 0) return;
  if (fatal(gaps)) {
    process.stderr.write(`\n${line(gaps, true)}\n`);
    process.exit(1);
  }
  // npm test runs the bounds suite in a second jest, which needs no such tool: the line was said in the first.
  const onlyBounds = globalConfig.selectProjects?.length && globalConfig.selectProjects.every((p) => p === 'bounds');
  if (!onlyBounds) process.stdout.write(`\n${line(gaps, false)}\n\n`);
};
