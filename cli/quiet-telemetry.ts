/**
 * The CLI runs handlers in its own process (redrive, reprocess): their INFO lines and CloudWatch EMF
 * metrics are for a Lambda's log, and on stdout they would bury the command's own output. Warnings
 * and errors still reach stderr. Imported first by cli/main.ts, before any logger is made.
 */
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
