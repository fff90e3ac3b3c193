/** A command line that cannot be run as given: exit code 2, one line naming the problem and the usage. */
export class UsageError extends Error {
  constructor(
    readonly usage: string,
    readonly problem?: string,
  ) {
    super(problem ? `${problem}; usage: ${usage}` : `usage: ${usage}`);
    this.name = 'UsageError';
  }
}

/** `--help` was asked for: the command's help goes to stdout, exit code 0. */
export class HelpRequested extends Error {
  constructor(readonly help: string) {
    super(help);
    this.name = 'HelpRequested';
  }
}

/** The command ran and could not do its job for a reason the user can fix (a missing file, a bad registry): exit 1, one line. */
export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandError';
  }
}
