/** The input cannot be parsed as a report; `reason` is a sentence for the user. Becomes `status: "rejected"`. */
export class RejectedInput extends Error {
  constructor(
    readonly reason: string,
    readonly rule = 'P-REJECTED',
  ) {
    super(reason);
    this.name = 'RejectedInput';
  }
}
