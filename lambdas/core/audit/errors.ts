/** The registry CSV cannot be used; `line` is 1-based in the file. */
export class RegistryError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line ? `registry line ${line}: ${message}` : message);
    this.name = 'RegistryError';
  }
}
