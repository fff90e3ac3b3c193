/** `发布日期：2024-01-17`, `发布时间: 2025-03-10 15:35`, `公开日期 2024年1月17日` → YYYY-MM-DD. */
const LABELLED = /(?:发布|公开|成文|印发)(?:日期|时间)\s*[:：|]?\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;

export function readHeaderDate(text: string): string | undefined {
  const m = text.match(LABELLED);
  return m ? isoDate(+m[1], +m[2], +m[3]) : undefined;
}

export function isoDate(y: number, m: number, d: number): string | undefined {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
