import { renderAuditCsv, parseRegistry, type AuditFinding } from '../../lambdas/core/audit';
import { compareCsv, compareTable, metricFor } from '../../lambdas/core/compare';
import { CsvSyntaxError, formulaSafe, parseCsv, toCsv } from '../../lambdas/core/csv';

describe('the CSV module', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+86 10 1234', "'+86 10 1234"],
    ['-cmd|calc', "'-cmd|calc"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['-12.5', '-12.5'],
    ['+3', '+3'],
    ['甲局=乙局', '甲局=乙局'],
    ['', ''],
  ])('formulaSafe(%j) = %j', (cell, safe) => expect(formulaSafe(cell)).toBe(safe));

  it('writes CRLF rows, quotes only where needed, neutralises formulas, and reads back what it wrote', () => {
    const rows = [
      ['name', 'n', 'note'],
      ['=HYPERLINK("http://evil","点我")', -3, 'a,b'],
      ['line\nbreak', null, '"quoted"'],
    ];
    const csv = toCsv(rows);
    expect(csv).toBe(`name,n,note\r\n"'=HYPERLINK(""http://evil"",""点我"")",-3,"a,b"\r\n"line\nbreak",,"""quoted"""\r\n`);
    expect(parseCsv(csv)).toEqual([
      ['name', 'n', 'note'],
      [`'=HYPERLINK("http://evil","点我")`, '-3', 'a,b'],
      ['line\nbreak', '', '"quoted"'],
    ]);
    expect(toCsv([['甲']], { bom: true })).toBe('\uFEFF甲\r\n');
  });

  it('drops a BOM, accepts LF and ragged rows, and names the line of broken quoting', () => {
    expect(parseCsv('\uFEFFa,b\nc\n')).toEqual([['a', 'b'], ['c']]);
    expect(() => parseCsv('a,b\n"c,d\n')).toThrow(CsvSyntaxError);
  });

  it('serves every CSV of the project: the audit CSV and the comparison CSV are formula-safe, the registry reads through it', () => {
    const finding = {
      id: 'f1',
      rule: 'X3-MISSING',
      severity: 'error',
      year: 2024,
      agency: '@甲局',
      reports: [],
      keys: [],
      message: '=2+2',
      evidence: '-x',
    } as unknown as AuditFinding;
    const audit = parseCsv(renderAuditCsv([finding]));
    expect(audit[1].slice(0, 6)).toEqual(['f1', 'X3-MISSING', '缺报', 'error', '2024', "'@甲局"]);
    expect(audit[1]).toContain("'=2+2");
    expect(audit[1]).toContain("'-x");

    const compare = compareCsv(compareTable([{ reportId: 'r', agency: '+乙局', values: { 't3.newReceived.total': 4 } }], [metricFor('t3.newReceived.total')!]));
    expect(parseCsv(compare)[1]).toEqual(["'+乙局", 'r', '4', '']);

    expect(() => parseRegistry('name,kind,level\n"甲局,department,县\n')).toThrow(/registry line \d+: not valid CSV/);
  });
});
