/**
 * Minimal PDFs written byte by byte, for the bad-input tests: pages of Helvetica text, pages holding only an
 * image (a scan), many pages. Offsets in the xref table are computed, so pdf.js reads them as valid files.
 */
export type PageContent = { text: string[] } | { image: true } | { stream: string; rotate?: number };

export function makePdf(pages: PageContent[]): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  const pageIds = pages.map((_, i) => 4 + 2 * i);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`);
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  pages.forEach((p, i) => {
    const stream =
      'stream' in p
        ? p.stream
        : 'text' in p
          ? `BT /F1 12 Tf 72 760 Td 16 TL ${p.text.map((t) => `(${t.replace(/[()\\]/g, '\\$&')}) Tj T*`).join(' ')} ET`
          : // A 2×2 grey inline image scaled over the page: what a scanner produces, with no text at all.
            'q 450 0 0 700 72 72 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x10\x80\xc0\xff EI Q';
    const rotate = 'rotate' in p && p.rotate ? ` /Rotate ${p.rotate}` : '';
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]${rotate} /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i] + 1} 0 R >>`);
    add(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  });
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** A text page with enough words to count as a text layer. */
export const textPage = (n: number): PageContent => ({
  text: [`Page ${n} of a generated document`, 'with a few lines of ordinary text', 'so that it has a text layer'],
});

/** Helvetica text at (x, y) as it should appear on the displayed page; on a page shown rotated 90° the text is drawn turned so it reads upright. */
export function textAt(items: [string, number, number][], rotate: 0 | 90 = 0): string {
  const shown = items.map(([s, x, y]) => {
    const tm = rotate === 90 ? `0 1 -1 0 ${595 - y} ${x}` : `1 0 0 1 ${x} ${y}`;
    return `BT /F1 10 Tf ${tm} Tm (${s}) Tj ET`;
  });
  return shown.join('\n');
}
