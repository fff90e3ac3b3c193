export type ImageFormat = 'jpeg' | 'png' | 'tiff';

/** JPEG, PNG or TIFF by their signatures. */
export function imageFormat(b: Uint8Array): ImageFormat | undefined {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (b.length >= 4 && ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a)))
    return 'tiff';
  return undefined;
}

/**
 * Whether an image file is whole enough to hand to OCR: a PNG starts with its IHDR chunk and ends with IEND, a JPEG
 * ends with its end-of-image marker (a cut-off upload loses it). A TIFF's directory is only read by the decoder.
 */
export function imageLooksWhole(b: Uint8Array, format: ImageFormat): boolean {
  const tail = Buffer.from(b.subarray(Math.max(0, b.length - 32))).toString('latin1');
  if (format === 'png') return Buffer.from(b.subarray(12, 16)).toString('latin1') === 'IHDR' && tail.includes('IEND');
  if (format === 'jpeg') return /\xff\xd9\0*$/.test(tail);
  return b.length > 8;
}
