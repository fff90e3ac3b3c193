/** The audit cannot run: no registry stored and none in the bucket. */
export class RegistryMissing extends Error {
  constructor(readonly bucket: string) {
    super(`no agency registry: upload registry/agencies.csv to s3://${bucket}`);
    this.name = 'RegistryMissing';
  }
}

/** A required environment variable is not set. */
export class AuditConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuditConfigError';
  }
}
