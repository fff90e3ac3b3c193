/**
 * The parser's version, stored on every report item: raise it when a change reads reports
 * differently, and `ogi reprocess` (or the AWS batch, README) re-parses what an older one stored.
 */
export const PARSER_VERSION = 4;
