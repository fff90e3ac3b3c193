import { distance } from 'fastest-levenshtein';
import type { Section } from '../types';
import { SECTIONS, type FormSection as SectionDef } from '../form';

const NUM = '(?:[一二三四五六七八九十]{1,2}\\s*[、.．，,]|[（(]\\s*[一二三四五六七八九十]{1,2}\\s*[）)]|\\d{1,2}\\s*[、.．])';
const CN = '一二三四五六';

/** The rest of a title after its core words: `存在的主要问题` + `及改进情况`. */
const TAIL = /^[\u4e00-\u9fa5、]{0,10}?(?:情况|安排|措施|事项|方向|计划|举措)/;

/** Words some agencies put before the core words: `四、政府信息公开行政复议…`. */
const LEAD = '政府信息公开|因政府信息公开申请(?:提起)?|政府信息公开工作';

interface Hit {
  at: number;
  end: number;
  /** 3: numbered as expected, 2: numbered otherwise, 1: at a line start, 0: elsewhere. */
  strength: number;
  title: string;
}

/** Spaces may stray inside a heading (`总 体 情 况`). */
const loose = (core: string) => [...core].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*');

/** A heading's pattern per core words, built once (the form's cores are fixed). */
const headings = new Map<string, RegExp>();
const headingOf = (core: string): RegExp => {
  let re = headings.get(core);
  if (!re) headings.set(core, (re = new RegExp(`(${NUM}\\s*)?(?:${LEAD})?(${loose(core)})`, 'g')));
  re.lastIndex = 0;
  return re;
};

function hits(text: string, n: number, cores: readonly string[]): Hit[] {
  const out: Hit[] = [];
  for (const core of cores) {
    const re = headingOf(core);
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const at = m.index;
      const before = text.slice(Math.max(0, at - 1), at);
      const after = text.charAt(m.index + m[0].length);
      // Enumerations in the preamble (`总体情况、主动公开政府信息情况、…`) are not headings.
      if (!m[1] && (before === '、' || after === '、' || before === '“' || before === '《')) continue;
      const num = m[1] ?? '';
      const strength = num ? (num.includes(CN[n - 1]) || num.includes(String(n)) ? 3 : 2) : before === '' || before === '\n' ? 1 : 0;
      const tail = text.slice(at + m[0].length, at + m[0].length + 14).match(TAIL)?.[0] ?? '';
      const end = at + m[0].length + tail.length;
      out.push({ at, end, strength, title: text.slice(at, end).replace(/\s+/g, '') });
    }
    if (out.some((h) => h.strength >= 2)) break;
  }
  return out.sort((a, b) => a.at - b.at);
}

/** `一、` … `六、`: where section n's heading may start (for matchAll, which copies the pattern). */
const NUMBERED = [...CN].map((c) => new RegExp(`${c}\\s*[、.．]\\s*`, 'g'));

/**
 * A heading numbered as expected whose words are a small edit away from the form's title
 * (`四、政府信息公开行政法复议、行政诉讼情况`): at most one edit in eight characters. For a section
 * that holds a standard table, the table's own header words must follow, or it is not the heading.
 */
function nearHits(text: string, def: SectionDef): Hit[] {
  const words = def.title.replace(/^[一二三四五六]、/, '');
  const limit = Math.max(1, Math.floor(words.length / 8));
  const out: Hit[] = [];
  for (const m of text.matchAll(NUMBERED[def.n - 1])) {
    const start = m.index + m[0].length;
    let best = { d: limit + 1, end: start };
    let printed = '';
    for (let end = start; end < text.length && text[end] !== '\n' && printed.length <= words.length + limit; end++) {
      if (!/\s/.test(text[end])) printed += text[end];
      const d = printed.length >= words.length - limit ? distance(printed, words) : limit + 1;
      if (d < best.d) best = { d, end: end + 1 };
    }
    if (best.d > limit || (def.table && !def.table.test(text.slice(best.end, best.end + 2000)))) continue;
    out.push({ at: m.index, end: best.end, strength: 3, title: text.slice(m.index, best.end).replace(/\s+/g, '') });
  }
  return out;
}

/**
 * Finds the six sections in order. A heading is the strongest candidate after the previous one
 * (numbered as expected > numbered > at a line start > anywhere); a missing section is skipped.
 * When no heading numbered as expected has the title's core words, one with a small typo counts.
 */
export function findSections(text: string): Section[] {
  const found: { n: number; hit: Hit }[] = [];
  let from = 0;
  for (const def of SECTIONS) {
    let cands = hits(text, def.n, def.cores).filter((h) => h.at >= from);
    if (!cands.some((h) => h.strength === 3)) cands = [...cands, ...nearHits(text, def).filter((h) => h.at >= from)].sort((a, b) => a.at - b.at);
    if (cands.length === 0) continue;
    const best = Math.max(...cands.map((h) => h.strength));
    // Section 5's bare core words (`主要问题`) occur in prose: accept them only as a heading-like hit.
    if (best === 0 && def.n !== 1 && found.length === 0) continue;
    const hit = cands.find((h) => h.strength === best)!;
    found.push({ n: def.n, hit });
    from = hit.end;
  }
  return found.map(({ n, hit }, i) => {
    const next = found[i + 1]?.hit.at ?? text.length;
    return { n, title: hit.title, text: clean(text.slice(hit.end, next)) };
  });
}

/** Scraper debris (lines of `|`, empty image links) is not section text. */
function clean(s: string): string {
  return (
    s
      .split('\n')
      // A lone trailing `|` closes a scraped paragraph; pipe rows keep theirs (a last empty cell is a cell).
      .map((l) => (/^[^|]*\|\s*$/.test(l) ? l.replace(/\|\s*$/, '') : l).replace(/!\[\]\(\)/g, '').trim())
      .filter((l) => /[\p{L}\p{N}]/u.test(l))
      .join('\n')
      .replace(/^[\s：:]+/, '')
  );
}
