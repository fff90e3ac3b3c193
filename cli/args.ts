import { parseArgs, type ParseArgsConfig } from 'node:util';
import { listInputs, MissingInput } from '../local/inputs';
import { CommandError, HelpRequested, UsageError } from './usage';

/** What a command says about itself: the one-line usage (in errors) and the full `--help` text. */
export interface CommandHelp {
  usage: string;
  help: string;
}

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/**
 * Every command's flags through `node:util` parseArgs in strict mode: an unknown flag, a flag
 * without its value or a value given to a switch is a UsageError (exit 2); `--help`/`-h` anywhere
 * throws HelpRequested (help on stdout, exit 0).
 */
export function readArgs<const O extends NonNullable<ParseArgsConfig['options']>>(cmd: CommandHelp, args: string[], options: O) {
  if (args.includes('--help') || args.includes('-h')) throw new HelpRequested(cmd.help);
  try {
    return parseArgs({ args, options: { ...options, ...HELP }, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(cmd.usage, problemOf(err as Error & { code?: string }));
  }
}

/** parseArgs's messages are long and advise `--` tricks; one short clause is enough here. */
function problemOf(err: Error & { code?: string }): string {
  const flag = /'([^']+)'/.exec(err.message)?.[1]?.split(' ')[0] ?? '';
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${flag}`;
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return /argument missing/.test(err.message) ? `${flag} needs a value` : `${flag} takes no value`;
  return err.message.split('\n')[0];
}

/**
 * The Regulations on Open Government Information took effect on 1 May 2008; the first annual
 * reports cover 2008. A year before that, or after the current one, cannot have a report.
 */
export const FIRST_REPORT_YEAR = 2008;

/** A reporting year from the command line, or a UsageError that says which years are possible. */
export function yearArg(cmd: CommandHelp, text: string): number {
  const last = new Date().getUTCFullYear();
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!(year >= FIRST_REPORT_YEAR && year <= last))
    throw new UsageError(cmd.usage, `impossible year ${JSON.stringify(text)}: annual reports exist for ${FIRST_REPORT_YEAR}–${last}`);
  return year;
}

/** A calendar date YYYY-MM-DD that exists (2025-02-30 does not). */
export function dateArg(cmd: CommandHelp, flag: string, text: string): string {
  const date = new Date(`${text}T00:00:00Z`);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
  if (!valid) throw new UsageError(cmd.usage, `${flag} must be a date YYYY-MM-DD, not ${JSON.stringify(text)}`);
  return text;
}

/**
 * The report files the positional arguments name (folders expanded). A name that does not exist is
 * a file the command could not read (exit 1, as `--help` says), not a bad command line.
 */
export function inputsArg(positionals: string[]): string[] {
  try {
    return listInputs(positionals);
  } catch (err) {
    throw err instanceof MissingInput ? new CommandError(err.message) : err;
  }
}
