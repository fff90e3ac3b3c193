import { z } from 'zod';

/** What an execution is started with: `{ "year": 2024, "today": "2025-06-01" }` on demand, the schedule's event (with its `time`) on a schedule. */
const RunInput = z
  .object({
    year: z.number().int().min(2008).max(2100).optional(),
    today: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'today must be YYYY-MM-DD')
      .optional(),
    time: z.string().optional(),
  })
  .loose();

/** An execution's input the audit cannot use. */
export class AuditRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuditRequestError';
  }
}

/**
 * The year a run audits and the date deadlines are judged on: as asked, else the year before the
 * event's (or the execution's start), judged on that date. Both the run and its failure record read
 * the execution's input through this one function, so they agree on the year.
 */
export function runRequest(input: unknown, startedAt: string): { year: number; today: string } {
  const parsed = RunInput.safeParse(input ?? {});
  if (!parsed.success) throw new AuditRequestError(parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '));
  const { year, today, time } = parsed.data;
  const day = today ?? new Date(time ?? startedAt).toISOString().slice(0, 10);
  return { year: year ?? Number(day.slice(0, 4)) - 1, today: day };
}
