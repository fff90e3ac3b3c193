import { RejectedInput } from '../../errors';
import type { ParseOptions } from '../../record/options';
import type { DocText } from '../../types';

/** PDF bytes to the format-blind document. (Filled in by the PDF work.) */
export async function partitionPdf(_bytes: Uint8Array, _opts: Required<ParseOptions>): Promise<DocText> {
  throw new RejectedInput('PDF reports are not supported yet.');
}
