import { RegistryMissing } from '../lambdas/audit/errors';
import { RegistryError } from '../lambdas/core/audit/errors';
import { runParse } from './parse';
import { CommandError, HelpRequested, UsageError } from './usage';

type Command = (args: string[]) => Promise<number>;

interface Entry {
  /** One line for `ogi --help`. */
  summary: string;
  load: () => Command;
}

/* eslint-disable @typescript-eslint/no-require-imports -- lazy loading: `ogi parse` does not pay for the AWS SDK the other commands need (a plain require works under tsx's CJS hook, where import() does not). */
const COMMANDS: Record<string, Entry> = {
  parse: { summary: 'parse reports, write one record per file (--out DIR) or print one (--json)', load: () => runParse },
  check: { summary: 'parse reports and print their compliance findings', load: () => require('./check').runCheck },
  upload: { summary: 'upload reports to the running local stack (npm start) and wait for ingest', load: () => require('./upload').runUpload },
  reports: { summary: 'list the stored reports of the local stack, current versions marked', load: () => require('./reports').runReports },
  audit: { summary: 'cross-agency audit of a year on the local stack (running, or the data npm start left)', load: () => require('./audit').runAudit },
  pending: { summary: "values waiting for an officer's review (待核实) in the running local stack", load: () => require('./pending').runPending },
  reconcile: { summary: 'announce again every upload without a final record (running stack)', load: () => require('./reconcile').runReconcile },
  redrive: { summary: 'hand the local dead letters to the ingest handler again (running stack)', load: () => require('./redrive').runRedrive },
  reprocess: { summary: 're-parse the stored reports an older parser read (running stack)', load: () => require('./reprocess').runReprocess },
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** The summaries start in one column, whatever the longest command name. */
const NAME_WIDTH = Math.max(...Object.keys(COMMANDS).map((n) => n.length));

const HELP = `usage: ogi <command> [options]   (ogi <command> --help for its options)

${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(NAME_WIDTH)}  ${c.summary}`)
  .join('\n')}

Exit codes: 0 done; 1 a file ended rejected or failed (parse, upload), a report has an error
finding (check), or the command could not run (a missing or bad file, no stack); 2 a bad command line.`;

/** Runs one command line; returns the exit code. Output goes through console.log / console.error. */
export async function main(argv: string[]): Promise<number> {
  const [cmd, ...args] = argv;
  if (cmd === '--help' || cmd === '-h' || cmd === 'help') {
    console.log(HELP);
    return 0;
  }
  const entry = cmd ? COMMANDS[cmd] : undefined;
  if (!entry) {
    console.error(
      cmd
        ? `ogi: unknown command ${JSON.stringify(cmd)}; usage: ogi <command> [options] (ogi --help lists them)`
        : `usage: ogi <command> [options] (ogi --help lists them)`,
    );
    return 2;
  }
  try {
    return await entry.load()(args);
  } catch (err) {
    if (err instanceof HelpRequested) {
      console.log(err.help);
      return 0;
    }
    if (err instanceof UsageError) {
      console.error(`ogi ${cmd}: ${err.message}`);
      return 2;
    }
    // Their message is the whole story (a registry line, a missing file): no stack trace.
    if (err instanceof CommandError || err instanceof RegistryError || err instanceof RegistryMissing) {
      console.error(`ogi ${cmd}: ${(err as Error).message}`);
      return 1;
    }
    throw err;
  }
}

/**
 * Waits until everything written to `stream` has been handed to the OS. A pipe's stdout is
 * asynchronous in Node: `process.exit` right after a large write cuts the output at 64 KB.
 */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}

/** A reader that stopped reading (`| head`) is not an error of ours: stop quietly. */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(process.exitCode ?? 0);
  });
}

/** Runs the CLI and exits with its code once stdout and stderr are drained; `bin/ogi.js` and `npm run ogi` call this. */
export function run(argv = process.argv.slice(2)): void {
  quietOnClosedPipe(process.stdout);
  quietOnClosedPipe(process.stderr);
  const exit = async (code: number) => {
    process.exitCode = code;
    await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
    process.exit(code);
  };
  main(argv).then(exit, (err: Error) => {
    // Unexpected: one line, the stack only when asked for (OGI_DEBUG=1).
    console.error(process.env.OGI_DEBUG ? err : `ogi: ${err?.name ?? 'Error'}: ${err?.message ?? String(err)} (OGI_DEBUG=1 shows the stack)`);
    return exit(1);
  });
}

if (require.main === module) run();
