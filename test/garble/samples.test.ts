import { decode } from '../../lambdas/core/decode';
import { extractNarrative } from '../../lambdas/core/narrative';
import { partitionHtml } from '../../lambdas/core/partition/html';
import { findSections } from '../../lambdas/core/sections/find-sections';
import { allSamples, labelsOf } from '../../scripts/generate/catalog';

const EXPECTED: Record<string, { encoding: string; script: string; repairs: number }> = {
  'gbk-nometa': { encoding: 'gb18030', script: 'simplified', repairs: 0 },
  'gbk-meta': { encoding: 'gb18030', script: 'simplified', repairs: 0 },
  'gbk-wrongmeta': { encoding: 'gb18030', script: 'simplified', repairs: 0 },
  'big5-trad': { encoding: 'big5', script: 'traditional', repairs: 0 },
  'trad-utf8': { encoding: 'utf-8', script: 'traditional', repairs: 0 },
  shifted: { encoding: 'utf-8', script: 'simplified', repairs: 1 },
};
const CLEAN = { encoding: 'utf-8', script: 'simplified', repairs: 0 };

describe('every generated sample decodes as labelled and states its labelled narrative', () => {
  it.each(allSamples().map((s) => [s.id, s] as const))('%s', (id, sample) => {
    const bytes = typeof sample.content === 'string' ? new Uint8Array(Buffer.from(sample.content)) : sample.content;
    const decoded = decode(bytes, sample.ext === 'html' ? 'html' : 'text');
    const suffix = Object.keys(EXPECTED).find((k) => id.endsWith(`-${k}`));
    expect({ encoding: decoded.encoding, script: decoded.script, repairs: decoded.repairs.length }).toEqual(suffix ? EXPECTED[suffix] : CLEAN);
    expect(decoded.damage).toEqual([]);
    const text = sample.ext === 'html' ? partitionHtml(decoded).text : decoded.text;
    const labels = labelsOf(sample);
    const figures = extractNarrative(text, findSections(text), { format: labels.format });
    const pairs = (xs: { key: string; value: number }[]) => xs.map((f) => `${f.key}=${f.value}`).sort();
    expect(pairs(figures)).toEqual(pairs(labels.narrative));
  });
});

describe('a traditional page', () => {
  it('matches on simplified text while its cells and text keep the printed script at the same offsets', () => {
    const sample = allSamples().find((s) => s.id.endsWith('-html-one-table-big5-trad'))!;
    const page = partitionHtml(decode(sample.content as Uint8Array, 'html'));
    expect(page.text).toContain('规范性文件');
    expect(page.text).not.toContain('規範性文件');
    expect(page.raw).toContain('規範性文件');
    expect(page.raw.length).toBe(page.text.length);
    const cells = page.grids.flatMap((g) => g.rows.flat());
    const label = cells.find((c) => c.text.includes('规范性文件'))!;
    expect(label.raw).toContain('規範性文件');
  });
});
