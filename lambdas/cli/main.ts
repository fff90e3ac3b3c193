import { runParse } from './parse';
import { UsageError } from './usage';

type Command = (args: string[]) => Promise<number>;

/* eslint-disable @typescript-eslint/no-require-imports -- lazy loading: `ogi parse` does not pay for the AWS SDK the other commands need (a plain require works under tsx's CJS hook, where import() does not). */
const COMMANDS: Record<string, () => Command> = {
  parse: () => runParse,
  check: () => require('./check').runCheck,
  upload: () => require('./upload').runUpload,
  reports: () => require('./reports').runReports,
  audit: () => require('./audit').runAudit,
  reconcile: () => require('./reconcile').runReconcile,
  redrive: () => require('./redrive').runRedrive,
  reprocess: () => require('./reprocess').runReprocess,
};

const USAGE = `usage: ogi <command> [args]
  parse <file|dir>... --out DIR   parse reports, write one record per file, print a summary
  parse FILE --json               print one record
  check <file|dir>... [--json]    parse and print the compliance findings
  upload FILE...                  upload to the running local stack (npm start) and wait for ingest
  reports [--year N] [--json]     list the stored reports of the running local stack
  audit --year N [--json]         cross-agency audit against the running local stack
  reconcile [--grace S] [--json]  announce again every upload without a final record (running stack)
  redrive                         hand the local dead letters to the ingest handler again (running stack)
  reprocess [--year N] [--agency A]  re-parse the reports an older parser stored (running stack)`;

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...args] = argv;
  const load = cmd ? COMMANDS[cmd] : undefined;
  if (!load) {
    console.error(USAGE);
    return 2;
  }
  try {
    return await load()(args);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`usage: ${err.usage}`);
      return 2;
    }
    throw err;
  }
}

/** Runs the CLI and exits with its code; `bin/ogi.js` and `npm run ogi` call this. */
export function run(argv = process.argv.slice(2)): void {
  main(argv).then(
    (code) => process.exit(code),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}

if (require.main === module) run();
