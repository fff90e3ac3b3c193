import { parseReport } from '../../lambdas/core/record/parse-report';

const parse = (bytes: Uint8Array, name = 'x.txt') => parseReport({ id: 'x', name, bytes });

describe('bad input is rejected with a reason, never thrown', () => {
  it('an empty file', async () => {
    const r = await parse(new Uint8Array());
    expect(r).toMatchObject({ status: 'rejected', reason: 'The file is empty.' });
    expect(r.findings.map((f) => f.rule)).toEqual(['P-REJECTED']);
  });

  it('binary garbage', async () => {
    const noise = Buffer.alloc(4096);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + 13) % 256;
    const r = await parse(noise, 'x.html');
    expect(r.status).toBe('rejected');
    expect(r.reason).toMatch(/binary/);
    expect(r.input.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('an HTML page that is not a report', async () => {
    const r = await parse(
      Buffer.from('<html><head><title>首页</title></head><body><p>欢迎访问本网站。</p><table><tr><td>新闻</td><td>2024</td></tr></table></body></html>'),
      'x.html',
    );
    expect(r.status).toBe('rejected');
    expect(r.reason).toMatch(/not an annual report/);
    expect(r.findings[0].rule).toBe('P-NOT-A-REPORT');
  });

  it('a 20 MB text file', async () => {
    const r = await parse(Buffer.alloc(20 * 1024 * 1024, 'a'));
    expect(r.status).toBe('rejected');
    expect(r.reason).toMatch(/20 MB/);
  });

  it('a file over the size cap', async () => {
    const r = await parseReport({ id: 'x', bytes: Buffer.alloc(2048, 'a') }, { maxBytes: 1024 });
    expect(r.status).toBe('rejected');
    expect(r.reason).toMatch(/over the .* limit/);
  });

  it('a file named .pdf that is not one', async () => {
    const r = await parse(Buffer.from('hello'), 'report.pdf');
    expect(r).toMatchObject({ status: 'rejected', input: { kind: 'text' } });
    expect(r.reason).toMatch(/not a PDF/);
  });
});

describe('UTF-16 with a byte-order mark', () => {
  const html =
    '<html><head><title>某局2024年政府信息公开工作年度报告</title></head><body><p>一、总体情况</p><p>本年度工作正常开展。</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p><p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p><p>六、其他需要报告的事项</p></body></html>';
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(html, 'utf16le')]);
  const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(html, 'utf16le').swap16()]);

  it.each([
    ['little-endian', le, 'utf-16le'],
    ['big-endian', be, 'utf-16be'],
  ])('decodes %s', async (_, bytes, encoding) => {
    const r = await parseReport({ id: 'u', name: 'u.html', bytes });
    expect(r).toMatchObject({ status: 'parsed', agency: '某局', year: 2024, input: { kind: 'html', encoding } });
  });
});
