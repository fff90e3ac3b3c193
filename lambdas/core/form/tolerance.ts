/**
 * The one numeric equality of the form: two figures are the same when they differ by less than
 * this. Counts are whole numbers; money is in 万元 with a few decimals, and a cell converted from
 * 元 (÷ 10,000) or a sum of such cells carries float noise far below it.
 */
export const TOLERANCE = 1e-6;

export const sameNumber = (a: number, b: number): boolean => Math.abs(a - b) < TOLERANCE;

/** A reading's cell: a number, or null for a blank column (never equal to a number, a blank is not zero). */
export const sameCell = (a: number | null, b: number | null): boolean => (a === null || b === null ? a === b : sameNumber(a, b));
