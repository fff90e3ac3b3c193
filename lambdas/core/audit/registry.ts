import { z } from 'zod';
import { CsvSyntaxError, parseCsv } from '../csv';
import { RegistryError } from './errors';
import type { Agency } from './types';

const COLUMNS = ['name', 'aliases', 'kind', 'region', 'level', 'parent', 'deadline'] as const;
const REQUIRED = ['name', 'kind', 'level'] as const;

const optional = z
  .string()
  .trim()
  .transform((s) => (s === '' ? null : s));

const Row = z.object({
  name: z.string().trim().min(1, 'name is empty'),
  // Aliases are separated by `;`, `；` or `|` so the CSV needs no quoting for them.
  aliases: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(/[;；|]/)
        .map((a) => a.trim())
        .filter(Boolean),
    ),
  kind: z.enum(['government', 'department']),
  region: z.string().trim().default(''),
  level: z.string().trim().min(1, 'level is empty'),
  parent: optional.default(null),
  deadline: optional.default(null).refine((d) => d === null || /^(\d{4}-)?\d{2}-\d{2}$/.test(d), 'deadline must be MM-DD or YYYY-MM-DD'),
});

function readCsv(csv: string): string[][] {
  try {
    return parseCsv(csv);
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw new RegistryError(`not valid CSV: ${err.message}`, err.line);
    throw err;
  }
}

/** Parses registry/agencies.csv (header: name, aliases, kind, region, level, parent, deadline). */
export function parseRegistry(csv: string): Agency[] {
  const [header, ...rows] = readCsv(csv).filter((r) => r.some((c) => c.trim() !== ''));
  if (!header) throw new RegistryError('the registry is empty');
  const names = header.map((h) => h.trim().toLowerCase());
  for (const col of REQUIRED) if (!names.includes(col)) throw new RegistryError(`missing column "${col}"`, 1);
  const seen = new Set<string>();
  return rows.map((cells, i) => {
    const line = i + 2;
    const raw = Object.fromEntries(COLUMNS.flatMap((col) => (names.indexOf(col) >= 0 ? [[col, cells[names.indexOf(col)] ?? '']] : [])));
    const parsed = Row.safeParse(raw);
    if (!parsed.success) {
      throw new RegistryError(parsed.error.issues.map((e) => `${e.path.join('.')}: ${e.message}`).join('; '), line);
    }
    if (seen.has(parsed.data.name)) throw new RegistryError(`duplicate agency "${parsed.data.name}"`, line);
    seen.add(parsed.data.name);
    return parsed.data;
  });
}
