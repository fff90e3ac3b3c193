/**
 * lambdas/core/form is the only place the form's rows, columns, labels, identities and tolerance
 * are written: every other module of the pipeline, the API, the page and the generator reads them
 * from it. The scanner (form-copies.ts) is shown to find each kind of copy the project used to
 * keep (X1's column list, the audit's label maps, the grid headers, the generator's labels,
 * resolve's tolerance) and to leave alone what is not one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formCopies, KEY_PARTS, LABELS } from './form-copies';

const ROOT = join(__dirname, '../..');
/** Every reader of the form: the pipeline, API and page (lambdas/), and the generator. */
const SCANNED = ['lambdas', 'scripts/generate'];
const MODEL = 'lambdas/core/form/';
/** Prose readers: how reports word figures in sentences is their own vocabulary (see formCopies). */
const PROSE = 'lambdas/core/narrative/';

const sources = SCANNED.flatMap((dir) =>
  (readdirSync(join(ROOT, dir), { recursive: true }) as string[])
    .map((f) => relative(ROOT, join(ROOT, dir, f)))
    .filter((f) => /\.(ts|js|mjs)$/.test(f) && !f.startsWith(MODEL)),
);

describe('one form model', () => {
  it('scans the readers of the form', () => {
    for (const reader of [
      'lambdas/core/tables/assign.ts',
      'lambdas/core/values/derived.ts',
      'lambdas/core/rules/s5-identities.ts',
      'lambdas/core/resolve/decide.ts',
      'lambdas/core/audit/rules/x1-carry-over.ts',
      'lambdas/core/audit/rules/x2-document-stock.ts',
      'lambdas/api/names.ts',
      'lambdas/api/web/layouts.js',
      'scripts/generate/document.ts',
      'scripts/generate/values.ts',
    ])
      expect(sources).toContain(reader);
  });

  it('finds no row or column list, label map, label pattern, label or tolerance of its own outside core/form', () => {
    const copies = sources.flatMap((f) => formCopies(f, readFileSync(join(ROOT, f), 'utf8'), f.startsWith(PROSE)));
    expect(copies.map((c) => `${c.file}:${c.line} ${c.kind} ${c.text}`)).toEqual([]);
  });

  it('knows the form: its key parts and labels', () => {
    for (const k of ['natural', 'total', 'rules', 'normative', 'denied.stateSecret', 'otherHandling', 'litigationDirect', 'denied.sum', 'legalPersons'])
      expect(KEY_PARTS.has(k)).toBe(true);
    for (const l of ['一、本年新收政府信息公开申请数量', '（三）不予公开', '现行有效件数', '申请人情况', '四、政府信息公开行政复议、行政诉讼情况'])
      expect(LABELS).toContain(l);
  });
});

describe('the scanner', () => {
  const kinds = (source: string) => formCopies('snippet.ts', source).map((c) => c.kind);

  it.each([
    ['X1 kept its own column list', "const COLUMNS = ['natural', 'commercial', 'research', 'social', 'legal', 'other', 'total'];", 'key-list'],
    ['X2 kept its own document rows', "const KINDS = ['rules', 'normative'];", 'key-list'],
    ['S5 listed the rows of the balance', "const T3_FRAME = new Set(['newReceived', 'carriedOver', 'totalProcessed', 'carriedForward']);", 'key-list'],
    ['the audit labelled rows itself', "const DOCUMENTS: Record<string, string> = { rules: '规章', normative: '行政规范性文件' };", 'label-map'],
    [
      'the comparison labelled figures itself',
      "const KEY_LABELS = { 't3.newReceived.total': '本年新收申请', 't4.review.total': '行政复议总计' };",
      'label-map',
    ],
    ['the grid reader kept its own table headers', 'const HEADERS = [["t3", /申请人情况|自然人|本年新收|商业企业/]];', 'label-pattern'],
    ['the row patterns were written outside the model', "t3('carriedForward', /结转下年/), t3('newReceived', /本年新收/);", 'label-pattern'],
    ['the generator printed its own labels', "const ROW = { key: 'newReceived', label: '一、本年新收政府信息公开申请数量', outcome: false };", 'label-string'],
    ['resolve compared with a tolerance of its own', 'const eq = (a: number, b: number) => Math.abs(a - b) < 1e-6;', 'tolerance'],
    ['S8 padded a comparison with its own epsilon', 'const close = Math.abs(stated - table) <= 0.5 * 10 ** -decimals + 1e-9;', 'tolerance'],
  ])('finds it when %s', (_what, source, kind) => {
    expect(kinds(source)).toContain(kind);
  });

  it.each([
    ['a choice of figures by full key', "const KEYS = ['t3.newReceived.total', 't4.review.total', 't4.litigation.sum.total'];"],
    ['generator parameters keyed by row', 'const ITEMS = { licensing: { prev: 800 }, penalty: { prev: 3000 } };'],
    ['a prose word', 'const APPLY = /申请/;'],
    ['a sentence of a message', "const m = '本年度未收取信息处理费。';"],
    ['a guard against dividing by zero', 'const max = Math.max(0, ...values, 1e-9);'],
    ['one key part on its own', "if (row === 'fees') return 0;"],
  ])('leaves alone %s', (_what, source) => {
    expect(kinds(source)).toEqual([]);
  });

  it('lets prose readers word figures as prose does, but not list the form', () => {
    expect(formCopies('prose.ts', "const ZERO = [[/不予公开/, 't3.denied.sum.total']];", true)).toEqual([]);
    expect(formCopies('prose.ts', "for (const k of ['normative', 'rules']) read(k);", true).map((c) => c.kind)).toEqual(['key-list']);
  });
});
