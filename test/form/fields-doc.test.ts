/**
 * docs/fields.md against the form model (lambdas/core/form): every key, label, clause, money cell,
 * derived subtotal and identity the document states is the model's, and the model has nothing the
 * document does not list. The document is parsed as written (its tables and bullet lists), so a key
 * or identity added to either side alone fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CROSS_YEAR,
  DERIVED_ROWS,
  FORMATS,
  MONEY_KEYS,
  REPORT_IDENTITIES,
  T2_BLOCKS,
  T3_COLUMNS,
  T3_GROUP_SUMS,
  T3_LEGAL_PERSONS,
  T3_ROWS,
  T4_COLUMNS,
  T4_GROUPS,
  T4_LITIGATION_SUM,
  T3_GRANTED_AND_PARTIAL,
  t2Rows,
  type FormFormat,
} from '../../lambdas/core/form';

const DOC = readFileSync(join(__dirname, '../../docs/fields.md'), 'utf8');

/** The text of the `## title` section (up to the next `## `). */
function section(title: string): string {
  const start = DOC.indexOf(`## ${title}`);
  if (start < 0) throw new Error(`fields.md has no section ${title}`);
  const end = DOC.indexOf('\n## ', start + 3);
  return DOC.slice(start, end < 0 ? undefined : end);
}

/** The body rows of the Markdown tables in a text, as trimmed cells. */
const tableRows = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.startsWith('| ') && !/^\|[-| ]+\|$/.test(l))
    .map((l) =>
      l
        .slice(1, -1)
        .split(' | ')
        .map((c) => c.trim()),
    )
    .slice(1);

const backticked = (s: string) => [...s.matchAll(/`([^`]+)`/g)].map((m) => m[1]);

/** `` `t2.rules.issued` / `.repealed` / `.valid` `` → the three full keys. */
function keysOfCell(cell: string): string[] {
  const [first, ...more] = backticked(cell);
  const stem = first.slice(0, first.lastIndexOf('.'));
  return [first, ...more.map((m) => stem + m)];
}

describe.each(FORMATS)('fields.md table 2, %s format', (format: FormFormat) => {
  const rows = tableRows(section(`Table 2, ${format} format`));
  const model = t2Rows(format);

  it('lists exactly the model’s keys, row by row in printed order', () => {
    expect(rows.map((r) => keysOfCell(r[0]))).toEqual(model.map((r) => [...r.keys]));
  });

  it('gives each row the label and each clause the columns and 第二十条 item the model prints', () => {
    let columns = '';
    let clause = '';
    rows.forEach(([, label, cols], i) => {
      const row = model[i];
      expect(label).toBe(row.zh);
      const block = T2_BLOCKS[format].find((b) => b.rows.includes(row))!;
      // `same (第二十条第（六）项)`: the columns above, under another clause; `same`: columns and clause above.
      if (!cols.startsWith('same')) columns = cols;
      clause = /\((第二十条[^)]+)\)$/.exec(cols)?.[1] ?? clause;
      expect(clause).toBe(block.clause);
      expect(columns.replace(/\s*\(第二十条[^)]+\)$/, '')).toBe(block.columns.map((c) => c.zh).join(' / '));
    });
  });
});

describe('fields.md money', () => {
  it('names the model’s money cells, in 万元', () => {
    const para = DOC.split('\n\n').find((p) => p.startsWith('Money:'))!;
    expect(new Set(backticked(para))).toEqual(new Set(MONEY_KEYS));
    expect(para).toContain('万元');
  });
});

describe('fields.md table 3', () => {
  const text = section('Table 3');

  it('lists the model’s columns with their printed labels', () => {
    const line = text.split('\n\n').find((p) => p.startsWith('Columns:'))!;
    const pairs = [...line.matchAll(/`(\w+)` (\S+?)(?= ·|\.|\s*$)/g)].map((m) => [m[1], m[2]]);
    expect(pairs).toEqual(T3_COLUMNS.map((c) => [c.key, c.zh]));
  });

  it('lists every row of the model, either format, with the label it prints', () => {
    const rows = tableRows(text).map(([key, label]) => ({ key: backticked(key)[0], label }));
    expect(rows.map((r) => r.key).sort()).toEqual(T3_ROWS.map((r) => r.key).sort());
    for (const r of T3_ROWS) {
      const doc = rows.find((d) => d.key === r.key)!;
      expect(doc.label).toContain(r.zh);
      // A row only one format prints says which (`2021 format: 1.申请人…`, `— 2019 format: one row`).
      const only = /(20\d\d) format/.exec(doc.label)?.[1];
      if (r.formats.length === 1) expect(only).toBe(r.formats[0]);
      else if (r.replaces) expect(only).toBe('2019');
      else expect(only).toBeUndefined();
      // A group's label stands on its first row, or on the one row printed in place of the group.
      const single = T3_ROWS.find((x) => x.replaces?.includes(r.key));
      if (r.group && T3_ROWS.find((x) => x.group === r.group) === r)
        expect(single ? rows.find((d) => d.key === single.key)!.label : doc.label).toContain(r.group.zh);
    }
  });

  it('lists the model’s derived subtotals and derived column', () => {
    const para = text.split('\n\n').find((p) => p.startsWith('Derived subtotals'))!;
    const sums = backticked(para).filter((k) => /^t3\.\w+\.sum$/.test(k));
    expect(sums).toEqual(T3_GROUP_SUMS.map((d) => `t3.${d.key}`));
    const derived = [...para.matchAll(/Derived (?:row|column) `(\w+)` = ([\w +]+?)\s*\(/g)].map((m) => [m[1], m[2].split(' + ')]);
    expect(derived).toEqual([
      [T3_LEGAL_PERSONS.key, [...T3_LEGAL_PERSONS.parts]],
      [T3_GRANTED_AND_PARTIAL.key, [...T3_GRANTED_AND_PARTIAL.parts]],
    ]);
    expect(para).toContain('In the 2019 format `t3.otherHandling.sum.<col>` equals `t3.otherHandling.<col>`');
    expect(T3_GROUP_SUMS.find((d) => d.key === 'otherHandling.sum')!.single).toBe('otherHandling');
  });
});

describe('fields.md table 4', () => {
  const text = section('Table 4');

  it('lists the model’s groups and columns', () => {
    const list = (title: string) => {
      const line = text.split('\n').findIndex((l) => l.startsWith(title));
      const joined = text.split('\n').slice(line).join(' ').split(/\.\s/)[0];
      return [...joined.matchAll(/`(\w+)` ([^`·]+?)(?= ·|$)/g)].map((m) => [m[1], m[2].trim()]);
    };
    expect(list('Groups:')).toEqual(T4_GROUPS.map((g) => [g.key, g.under ? `${g.under} ${g.zh}` : g.zh]));
    expect(list('Columns:')).toEqual(T4_COLUMNS.map((c) => [c.key, c.zh]));
  });

  it('derives litigation.sum from the model’s parts', () => {
    const m = /Derived group `([\w.]+)` = ([\w +]+?),/.exec(text)!;
    expect([m[1], m[2].split(' + ')]).toEqual([T4_LITIGATION_SUM.key, [...T4_LITIGATION_SUM.parts]]);
    expect(DERIVED_ROWS).toEqual([...T3_GROUP_SUMS, T3_GRANTED_AND_PARTIAL, T4_LITIGATION_SUM]);
  });
});

describe('fields.md identities within one report', () => {
  /** `- a + b = c + d (the form states it)` bullets of table 3 and table 4's `Identity:` line, with the scope they state. */
  const stated = [
    ...section('Table 3')
      .split('\n')
      .filter((l) => l.startsWith('- '))
      .map((l) => ({ text: l.slice(2).replace(/ \(.*\)$/, ''), scope: /\(each row\)/.test(l) ? 'rows' : 'columns', table: 't3' })),
    ...[/Identity: (.+?) \(each group\)/.exec(section('Table 4'))!].map((m) => ({ text: m[1], scope: 'rows', table: 't4' })),
  ];

  it('states exactly the identities the model says the form states, over the same scope', () => {
    const model = REPORT_IDENTITIES.filter((i) => i.source === 'form').map((i) => ({ text: i.text, scope: i.over, table: i.table }));
    expect(stated).toEqual(model);
  });
});

describe('fields.md identities across years', () => {
  const rows = tableRows(section('Identities across one agency')).map(([identity, format, strength]) => {
    const text = identity.replace(/`/g, '');
    const [equation, scope] = text.split(/, (?=x = |each )/);
    return { equation, fills: scope.startsWith('x = ') ? scope.slice(4).split(', ') : null, format, strength };
  });

  it('lists the model’s cross-year identities with their format and strength', () => {
    expect(rows.map((r) => r.equation)).toEqual(CROSS_YEAR.map((i) => i.text));
    rows.forEach((r, i) => {
      const model = CROSS_YEAR[i];
      expect(r.format).toBe(model.format);
      expect(r.strength).toBe(model.note);
      expect(/warning/.test(r.strength)).toBe(model.strength === 'warning');
    });
  });

  it('fills each placeholder with what the document lists: x the rows named, <col> every column of table 3', () => {
    rows.forEach((r, i) => {
      const model = CROSS_YEAR[i];
      const fills = r.fills ?? T3_COLUMNS.map((c) => c.key);
      const placeholder = r.fills ? '<x>' : '<col>';
      expect(model.instances.map((inst) => inst.text)).toEqual(fills.map((f) => r.equation.split(placeholder).join(f)));
    });
  });

  it('says only the table-3 identity spans the change of format', () => {
    expect(section('Identities across one agency')).toContain('Between a 2019-format year N−1 and a 2021-format year N only the table-3 identity applies.');
    expect(CROSS_YEAR.filter((i) => i.format === 'both').map((i) => i.id)).toEqual(['t3.carry-over']);
  });
});
