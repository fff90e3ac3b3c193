import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AgencyMatcher, parseRegistry, RegistryError, type Agency } from '../../lambdas/core/audit';
import { parseCsv } from '../../lambdas/core/csv';
import { deadlineFor } from '../../lambdas/core/audit/deadline';

const HEAD = 'name,aliases,kind,region,level,parent,deadline\n';

describe('parseRegistry', () => {
  it('reads quoted fields, a BOM, CRLF and every alias separator', () => {
    const csv =
      '\uFEFF' + HEAD.replace('\n', '\r\n') + '"淮安市洪泽区人民政府","洪泽区政府；洪泽区人民政府|洪泽政府",government,"江苏省淮安市, 洪泽区",县,,\r\n';
    expect(parseRegistry(csv)).toEqual([
      {
        name: '淮安市洪泽区人民政府',
        aliases: ['洪泽区政府', '洪泽区人民政府', '洪泽政府'],
        kind: 'government',
        region: '江苏省淮安市, 洪泽区',
        level: '县',
        parent: null,
        deadline: null,
      },
    ]);
  });

  it('names the line of a bad row', () => {
    const bad = HEAD + '甲局,,department,,县,,\n乙局,,bureau,,县,,\n';
    expect(() => parseRegistry(bad)).toThrow(RegistryError);
    expect(() => parseRegistry(bad)).toThrow(/line 3: kind/);
    expect(() => parseRegistry(HEAD + '甲局,,department,,县,,1月31日\n')).toThrow(/line 2: deadline/);
    expect(() => parseRegistry(HEAD + '甲局,,department,,县,,\n甲局,,department,,县,,\n')).toThrow(/line 3: duplicate/);
    expect(() => parseRegistry('name,aliases,kind\n甲局,,department\n')).toThrow(/missing column "level"/);
  });

  it('parses the sample registry, whose parents are all registered', () => {
    const agencies = parseRegistry(readFileSync(path.join(__dirname, '../../samples/registry/agencies.csv'), 'utf8'));
    const names = new Set(agencies.map((a) => a.name));
    expect(agencies.length).toBeGreaterThan(5);
    expect(agencies.filter((a) => a.parent && !names.has(a.parent))).toEqual([]);
  });

  it('keeps commas, quotes and newlines inside quoted CSV fields', () => {
    expect(parseCsv('a,"b,""c""\nd"\n')).toEqual([['a', 'b,"c"\nd']]);
  });
});

const agency = (name: string, aliases: string[] = [], extra: Partial<Agency> = {}): Agency => ({
  name,
  aliases,
  kind: 'government',
  region: '',
  level: '县',
  parent: null,
  deadline: null,
  ...extra,
});

describe('AgencyMatcher', () => {
  const matcher = new AgencyMatcher([
    agency('淮安市洪泽区人民政府'),
    agency('淮安市洪泽区教育局', [], { kind: 'department' }),
    agency('白沙市市场监督管理局', ['白沙市市场监管局'], { kind: 'department' }),
    agency('甲市东湖区人民政府'),
    agency('乙市东湖区人民政府'),
  ]);
  const name = (printed: string) => matcher.match(printed).agency?.name ?? null;

  it('takes 洪泽区人民政府 and 淮安市洪泽区人民政府 as one agency', () => {
    expect(name('洪泽区人民政府')).toBe('淮安市洪泽区人民政府');
    expect(name('淮安市洪泽区人民政府')).toBe('淮安市洪泽区人民政府');
    expect(name('江苏省淮安市洪泽区人民政府')).toBe('淮安市洪泽区人民政府');
    expect(name('洪泽区教育局')).toBe('淮安市洪泽区教育局');
  });

  it('folds spaces and widths, and uses aliases', () => {
    expect(name(' 淮安市　洪泽区人民政府 ')).toBe('淮安市洪泽区人民政府');
    expect(name('白沙市市场监管局')).toBe('白沙市市场监督管理局');
  });

  it('matches nothing for generic, unknown or ambiguous names', () => {
    expect(name('人民政府')).toBeNull();
    expect(name('市场监督管理局')).toBeNull();
    expect(name('洪泽区公安局')).toBeNull();
    expect(name(null as unknown as string)).toBeNull();
    const ambiguous = matcher.match('东湖区人民政府');
    expect(ambiguous.agency).toBeNull();
    expect('candidates' in ambiguous && ambiguous.candidates.map((a) => a.name).sort()).toEqual(['乙市东湖区人民政府', '甲市东湖区人民政府']);
  });
});

describe('deadlineFor', () => {
  it('is 31 January for departments, 31 March for governments, or the override', () => {
    expect(deadlineFor(agency('甲局', [], { kind: 'department' }), 2024)).toBe('2025-01-31');
    expect(deadlineFor(agency('甲区人民政府'), 2024)).toBe('2025-03-31');
    expect(deadlineFor(agency('甲区人民政府', [], { deadline: '04-30' }), 2024)).toBe('2025-04-30');
    expect(deadlineFor(agency('甲区人民政府', [], { deadline: '2025-05-15' }), 2024)).toBe('2025-05-15');
  });
});
