// The three standard tables as the page draws them, from GET /rules (`tables`, built from the form
// model in lambdas/core/form): each row a key prefix and its label, each column a key suffix and its label.
import { formTables } from './names.js';

/** The layouts for a report's format; 'unknown' gets the 2021 one, the format in use today. */
export const layouts = (format) => formTables(format === '2019' ? '2019' : '2021');
