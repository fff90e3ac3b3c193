/** A command line that cannot be run as given: exit code 2 with the usage line. */
export class UsageError extends Error {
  constructor(readonly usage: string) {
    super(usage);
    this.name = 'UsageError';
  }
}
