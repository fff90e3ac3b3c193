/**
 * The national form (国办公开办函〔2019〕60号, 〔2021〕30号) as data: sections, tables, rows, columns,
 * what each cell holds, derived subtotals, the identities within one report and across one
 * agency's consecutive reports, and the labels the page shows. Every reader of the form reads it
 * here: the row patterns and the digit splitter, the derived sums, the rules, the resolver, the
 * audit, the API and the generator. Pure data and small functions over it, no AWS imports.
 */
export * from './formats';
export * from './tolerance';
export * from './keys';
export * from './columns';
export * from './sections';
export * from './tables';
export * from './rows';
export * from './derived';
export * from './identities-report';
export * from './identities-cross-year';
export * from './labels';
