import { z } from 'zod';
import { metricFor, RATE_METRICS } from '../core/compare';

/** Request schemas: validation and, through z.toJSONSchema, the OpenAPI parameters. */

export const year = z.coerce
  .number({ error: 'year must be a number, e.g. 2024' })
  .int('year must be a whole number')
  .min(2008, 'year must be 2008 or later (the regulations took effect in 2008)')
  .max(2100, 'year must be 2100 or earlier')
  .describe('Reporting year (the statistics period), e.g. 2024');

const text = (what: string) => z.string().trim().min(1, `${what} must not be empty`).max(200, `${what} is at most 200 characters`);

export const severity = z.enum(['error', 'warning', 'info']).describe('Finding severity');
export const reviewFilter = z.enum(['open', 'confirmed', 'dismissed']).describe('Review state; `open` = not reviewed yet');

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Page size, 1-200'),
  cursor: z.string().max(2000).optional().describe('Opaque cursor from the previous page'),
};

/** Comma-separated list (API Gateway also joins repeated parameters with commas). */
const list = (what: string) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(text(what)).min(1, `${what} must name at least one`).max(200));

export const metricsParam = list('metrics')
  .refine((ids) => ids.every((id) => metricFor(id)), {
    message: `metrics must be rate ids (${RATE_METRICS.map((m) => m.id).join(', ')}) or value keys like t3.newReceived.total`,
  })
  .describe(`Comma-separated metric ids: ${RATE_METRICS.map((m) => m.id).join(', ')}, or fields.md value keys such as t3.newReceived.total`);

export const reportsQuery = z.strictObject({
  agency: text('agency').optional().describe('Agency name as the report titles it'),
  year: year.optional(),
  status: z.enum(['received', 'parsed', 'rejected', 'failed']).optional().describe('Report status'),
  ...pageQuery,
});

export const idParam = z.strictObject({ id: text('id').describe('Report id') });

/** Checks that could not be made are stored but listed only on request. */
export const notAssessableParam = z
  .enum(['true', 'false'])
  .default('false')
  .transform((s) => s === 'true')
  .describe('`true` also lists the checks that could not be made (outcome `not-assessable`); left out by default');

export const reportQuery = z.strictObject({ notAssessable: notAssessableParam });

export const reportTextQuery = z.strictObject({
  at: z.coerce.number().int().min(0).describe("The cell's offset in the report's text: `evidence.loc.offset` of an HTML or text report's value"),
  len: z.coerce.number().int().min(1).max(200).default(1).describe('How many characters the cell covers (its printed text), 1-200'),
});

export const findingsQuery = z.strictObject({
  year,
  rule: text('rule').optional().describe('Rule id or family: `S5` matches S5-balance, S5-t4 …; `S5-balance` only that check'),
  notAssessable: notAssessableParam,
  severity: severity.optional(),
  agency: text('agency').optional(),
  review: reviewFilter.optional(),
  format: z.enum(['json', 'csv']).default('json').describe('`csv` downloads every matching finding as a file'),
  ...pageQuery,
});

export const findingIdParam = z.strictObject({
  id: z
    .string()
    .regex(/^.+~[A-Za-z0-9_-]+$/, 'finding id has the form <reportId>~<fingerprint>, as GET /findings returns it')
    .describe('Finding id as the API returns it: `<reportId>~<fingerprint>`'),
});

export const reviewBody = z.strictObject({
  review: z.enum(['confirmed', 'dismissed', 'open']).describe("The officer's decision; `open` takes the last one back (the trail keeps it)"),
  note: z.string().max(2000, 'note is at most 2000 characters').default('').describe('Why, in a sentence'),
});

export const compareQuery = z.strictObject({
  year,
  metrics: metricsParam.optional(),
  agencies: list('agencies').optional().describe('Comma-separated agency names; all agencies of the year when absent'),
  kind: z.enum(['government', 'department']).optional().describe('Peer group: registered agencies of this kind'),
  level: text('level').optional().describe('Peer group: registered agencies of this level (省, 市, 县 …)'),
  region: text('region').optional().describe('Peer group: registered agencies of this region'),
  format: z.enum(['json', 'csv']).default('json').describe('`csv` downloads the table as a file'),
});

export const agencyParam = z.strictObject({ agency: text('agency').describe('Agency name as the report titles it') });

export const historyQuery = z.strictObject({ metrics: metricsParam.optional() });

/** A year alone: the overview and the audit runs. */
export const overviewQuery = z.strictObject({ year });

export const agenciesQuery = z.strictObject({
  year: year.optional().describe('Also list the agencies that reported this year (printed names matched to the registry)'),
});

export const pendingQuery = z.strictObject({
  year: year.optional().describe('Reporting year; every year of the national format (2019 on) when absent'),
  agency: text('agency').optional().describe('Agency name as the report titles it'),
});

export const pendingRowParam = z.strictObject({
  id: text('id').describe('Report id'),
  row: z
    .string()
    .regex(/^t[234]\.[A-Za-z.]+$/, 'row is the first value key of the row, e.g. t2.licensing.prev')
    .describe('The open row, named by its first value key'),
});

const count = z.number().finite().describe('A number as the officer reads it from the printed text');

export const valueReviewBody = z
  .strictObject({
    reading: z.number().int().min(0).optional().describe('Index of the reading chosen, as GET /pending lists them'),
    values: z.array(count).min(1).max(15).optional().describe('Or the values typed, one per key of the row'),
    revert: z.literal(true).optional().describe("Or take the row's last decision back: it waits for review again"),
    note: z.string().trim().min(1, 'note must say why').max(2000, 'note is at most 2000 characters').describe('Why, in a sentence'),
  })
  .refine((b) => [b.reading, b.values, b.revert].filter((x) => x !== undefined).length === 1, { message: 'give one of reading, values or revert' });
