import { gzipSync } from 'node:zlib';
import { parseReport } from '../../lambdas/core/record/parse-report';
import type { Report } from '../../lambdas/core/types';

/** Hostile files at the parser: each ends parsed or rejected with a reason; none throws. */
const parse = (bytes: Uint8Array, name: string) => parseReport({ id: 'h', name, bytes });

const REPORT_HTML = (body: string) =>
  `<html><head><meta charset="utf-8"><title>某局2023年政府信息公开工作年度报告</title></head><body><h1>某局2023年政府信息公开工作年度报告</h1>${body}
<p>一、总体情况</p><p>本年度工作正常开展。</p><p>五、存在的主要问题及改进情况</p><p>无</p><p>六、其他需要报告的事项</p><p>无</p></body></html>`;

function expectHandled(r: Report) {
  expect(['parsed', 'rejected']).toContain(r.status);
  if (r.status === 'rejected') expect(r.reason).toEqual(expect.any(String));
}

describe('hostile input at the parser', () => {
  it('1 byte', async () => {
    const r = await parse(Buffer.from([0x00]), 'one.txt');
    expect(r.status).toBe('rejected');
  });

  it('a PNG named .html', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.alloc(200, 1)]);
    const r = await parse(png, 'report.html');
    expect(r.status).toBe('rejected');
    expect(r.reason).toMatch(/binary/);
  });

  it('a gzip bomb is not inflated', async () => {
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024));
    const r = await parse(bomb, 'report.html.gz');
    expect(r.status).toBe('rejected');
    expect(r.input.bytes).toBe(bomb.length);
  });

  it('HTML nested 100 levels deep (and 5000) still parses', async () => {
    for (const depth of [100, 5000]) {
      const html = REPORT_HTML('<div>'.repeat(depth) + '<p>深处的文字</p>' + '</div>'.repeat(depth));
      const r = await parse(Buffer.from(html), 'deep.html');
      expect(r.status).toBe('parsed');
      expect(r.agency).toBe('某局');
    }
  });

  it('HTML nested 100,000 levels deep is read, not a stack overflow', async () => {
    const depth = 100_000;
    const r = await parse(Buffer.from(REPORT_HTML('<div>'.repeat(depth) + '<p>深处的文字</p>' + '</div>'.repeat(depth))), 'deeper.html');
    expect(r).toMatchObject({ status: 'parsed', agency: '某局' });
  });

  it('HTML with script, event handlers and javascript: links keeps none of it as report text', async () => {
    const html = REPORT_HTML('<script>alert("x")</script><p onclick="alert(1)">点击</p><a href="javascript:alert(2)">链接</a><style>p{}</style>');
    const r = await parse(Buffer.from(html), 'xss.html');
    expect(r.status).toBe('parsed');
    const text = r.sections.map((s) => s.text).join('\n');
    expect(text).not.toMatch(/alert|javascript:|<script/);
  });

  it('a 10 MB single-line text', async () => {
    const r = await parse(Buffer.alloc(10 * 1024 * 1024, '政'), 'big.txt');
    expectHandled(r);
    expect(r.status).toBe('rejected');
  });

  it('invalid UTF-8 with no report in it', async () => {
    const bytes = Buffer.from([0xff, 0xfe, 0xfd, 0x41, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0x41, 0x42]);
    const r = await parse(bytes, 'bad.txt');
    expectHandled(r);
  });

  it('a colspan of a million does not allocate a million cells', async () => {
    const html = REPORT_HTML('<table><tr><td colspan="1000000" rowspan="1000000">x</td><td>1</td></tr></table>');
    const r = await parse(Buffer.from(html), 'span.html');
    expect(r.status).toBe('parsed');
  });
});
