import { toWan } from '../form';

/** A printed cell to a number: `1,234` → 1234, `−18` → -18; blank, dashes, `/` and `无` give null (no key). */
export function parseCount(text: string): number | null {
  const s = text
    .replace(/[\s,，]/g, '')
    .replace(/[−–]/g, '-')
    .replace(/(?:件|项|个)$/, '');
  if (!/^[-+]?\d+(?:\.\d+)?$/.test(s)) return null;
  return Number(s);
}

/** Money cells are stored in 万元 (fields.md); a cell written in 元 is converted. */
export function parseMoney(text: string): number | null {
  const s = text.replace(/[\s,，]/g, '');
  const m = s.match(/^([-+]?\d+(?:\.\d+)?)(万元|元)?$/);
  if (!m) return null;
  return m[2] === '元' ? toWan(Number(m[1]), m[2]) : Number(m[1]);
}
