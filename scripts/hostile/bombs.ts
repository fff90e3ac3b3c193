import { constants, createDeflate } from 'node:zlib';

/**
 * Decompression bombs for the hostile-input tests and the bench: small files that expand to far
 * more than any report. Made in code (node:zlib), never committed.
 */

/** Deflates `total` bytes made of `unit` repeated, streamed: the expanded content is never held in memory. */
async function deflateRepeated(unit: string, total: number): Promise<Buffer> {
  const chunk = Buffer.from(unit.repeat(Math.max(1, Math.floor((1 << 20) / unit.length))), 'latin1');
  const deflate = createDeflate({ level: constants.Z_BEST_COMPRESSION, memLevel: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const ended = new Promise<void>((resolve, reject) => deflate.once('end', resolve).once('error', reject));
  for (let written = 0; written < total; written += chunk.length) if (!deflate.write(chunk)) await new Promise((r) => deflate.once('drain', r));
  deflate.end();
  await ended;
  return Buffer.concat(out);
}

/** A one-page PDF whose content stream inflates to `mb` MB of `unit`: valid in every other respect. */
async function pdfBomb(unit: string, mb: number): Promise<Uint8Array> {
  const data = await deflateRepeated(unit, mb * 1024 * 1024);
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (b: Buffer) => {
    parts.push(b);
    length += b.length;
  };
  const object = (n: number, body: Buffer | string) => {
    offsets[n] = length;
    push(Buffer.from(`${n} 0 obj\n`, 'latin1'));
    push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
    push(Buffer.from('\nendobj\n', 'latin1'));
  };
  push(Buffer.from('%PDF-1.4\n', 'latin1'));
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, '<< /Type /Pages /Kids [4 0 R] /Count 1 >>');
  object(3, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  object(4, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>');
  object(5, Buffer.concat([Buffer.from(`<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]));
  const xref = length;
  const rows = offsets
    .slice(1)
    .map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)
    .join('');
  push(Buffer.from(`xref\n0 6\n0000000000 65535 f \n${rows}trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}

/** Text operators, a line drawn again and again: what pdf.js turns into text items one by one. */
export const textOperatorBomb = (mb: number) => pdfBomb('BT /F1 12 Tf 72 700 Td (bomb) Tj ET\n', mb);

/** Nothing but spaces: pdf.js's lexer skips them, holding the whole expanded stream. */
export const spacesBomb = (mb: number) => pdfBomb(' ', mb);
