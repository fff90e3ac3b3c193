import { runParse } from './parse';
import { UsageError } from './usage';

type Command = (args: string[]) => Promise<number>;

/** Commands load lazily: `ogi parse` does not pay for the AWS SDK the audit needs. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  parse: async () => runParse,
  check: async () => (await import('./check')).runCheck,
};

const USAGE = `usage: ogi <command> [args]
  parse <file|dir>... --out DIR   parse reports, write one record per file, print a summary
  parse FILE --json               print one record
  check <file|dir>... [--json]    parse and print the compliance findings
  audit --year N [--json]         cross-agency audit against the running local stack`;

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...args] = argv;
  const load = cmd ? COMMANDS[cmd] : undefined;
  if (!load) {
    console.error(USAGE);
    return 2;
  }
  try {
    return await (await load())(args);
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
