/** Typed store errors: callers branch on the class, never on a message. */

/** The store's environment is incomplete (e.g. `OGI_TABLE` unset). */
export class StoreConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreConfigError';
  }
}

/**
 * Another invocation holds a fresh claim on the same content. Thrown so that Lambda's async retry
 * tries again later; by then the other attempt has finished (→ duplicate) or its lease expired.
 */
export class IngestInProgress extends Error {
  constructor(readonly reportId: string) {
    super(`Report ${reportId} is being ingested by another invocation`);
    this.name = 'IngestInProgress';
  }
}

/** Our claim was taken over after its lease expired; the newer attempt owns the record now. */
export class ClaimLost extends Error {
  constructor(readonly reportId: string) {
    super(`The claim on report ${reportId} was taken over by a later attempt`);
    this.name = 'ClaimLost';
  }
}

/** A pagination cursor that this store did not issue, or for a different query. */
export class InvalidCursor extends Error {
  constructor() {
    super('Invalid pagination cursor');
    this.name = 'InvalidCursor';
  }
}

/** DynamoDB kept throttling or a write kept conflicting after every retry; the caller's own retry takes over. */
export class StoreBusy extends Error {
  constructor(
    readonly what: string,
    readonly attempts: number,
  ) {
    super(`${what}: still not done after ${attempts} attempts`);
    this.name = 'StoreBusy';
  }
}
