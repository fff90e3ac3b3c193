import { readFileSync } from 'node:fs';
import path from 'node:path';
import { reportHtml } from '../../local/synthetic-report';
import { bombVariants, damagedFontPdf, spacesBomb, textOperatorBomb } from './bombs';

/**
 * The hostile corpus the bench runs through the local stack: every bomb spelling, the damaged font
 * tables, HTML at and over the size cap, and damaged copies of a real sample PDF (100 bit flips
 * each, as a bad download or disk gives them; four near-copies of one, as the four at once).
 */
const SAMPLE_PDF = path.join(__dirname, '..', '..', 'samples', 'pdf', 'gen-2019-pdf-sparse-borderless.pdf');
const MB = 1024 * 1024;

export interface HostileFile {
  name: string;
  bytes: Uint8Array;
}

/** A deterministic generator (an LCG), so the same seed flips the same bits every run. */
const lcg = (seed: number) => () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;

/** `pdf` with `flips` bits flipped at random places chosen by `seed`. */
export function damagedCopy(pdf: Buffer, seed: number, flips = 100): Buffer {
  const r = lcg(seed);
  const b = Buffer.from(pdf);
  for (let i = 0; i < flips; i++) b[Math.floor(r() * b.length)] ^= 1 << Math.floor(r() * 8);
  return b;
}

export async function hostileCorpus(damaged = 40): Promise<HostileFile[]> {
  const row = '<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>';
  const pdf = readFileSync(SAMPLE_PDF);
  const one = damagedCopy(pdf, 27);
  return [
    { name: 'text-operators.pdf', bytes: await textOperatorBomb(1100) },
    { name: 'spaces.pdf', bytes: await spacesBomb(1500) },
    ...bombVariants().map((v) => ({ name: `bomb-${v.name}.pdf`, bytes: v.make() })),
    { name: 'damaged-cmap.pdf', bytes: damagedFontPdf('cmap') },
    { name: 'damaged-widths.pdf', bytes: damagedFontPdf('widths') },
    {
      name: 'rows.html',
      bytes: Buffer.from(reportHtml('大表测试局', 2024).replace('</table>', row.repeat(Math.floor((7.9 * MB) / Buffer.byteLength(row))) + '</table>')),
    },
    { name: 'big.html', bytes: Buffer.from(`<html><body>${'<p>政府信息公开</p>'.repeat(Math.ceil((9 * MB) / 24))}</body></html>`) },
    { name: 'digits.html', bytes: Buffer.alloc(20 * MB, '0123456789') },
    ...Array.from({ length: damaged }, (_, i) => ({ name: `damaged-${i + 1}.pdf`, bytes: damagedCopy(pdf, i + 1) })),
    // The same damaged file four times (a trailing comment apart, so each is its own upload).
    ...[1, 2, 3, 4].map((n) => ({ name: `same-damage-${n}.pdf`, bytes: Buffer.concat([one, Buffer.from(`%copy ${n}\n`)]) })),
  ];
}
