import { findingsOf, makeReport, withValues } from './fixture';

describe('S5 form identities', () => {
  it.each(['2019', '2021'] as const)('passes a consistent %s report', (format) => {
    expect(findingsOf(makeReport({ format, seed: 6 }), 'S5')).toEqual([]);
  });

  it('fails the balance of a column when carried-forward is off', () => {
    const base = makeReport({ format: '2021', seed: 6 });
    const report = withValues(base, { 't3.carriedForward.natural': base.values['t3.carriedForward.natural'] + 2 });
    const balance = findingsOf(report, 'S5').filter((f) => f.rule === 'S5-balance');
    expect(balance).toEqual([
      expect.objectContaining({
        severity: 'error',
        outcome: 'failed',
        keys: ['t3.newReceived.natural', 't3.carriedOver.natural', 't3.totalProcessed.natural', 't3.carriedForward.natural'],
      }),
    ]);
    expect(balance[0].evidence).toMatch(/表三 · 结转下年度继续办理 · 自然人 \(t3\.carriedForward\.natural\)=\d+ @ table\[3\]/);
  });

  it('fails processed-sum and row-sum when one outcome cell is off', () => {
    const base = makeReport({ format: '2021', seed: 6 });
    const report = withValues(base, { 't3.granted.natural': base.values['t3.granted.natural'] + 1 });
    const found = findingsOf(report, 'S5').map((f) => [f.rule, f.severity, f.keys[0]]);
    expect(found).toEqual([
      ['S5-processed', 'error', 't3.totalProcessed.natural'],
      ['S5-row-sum', 'error', 't3.granted.total'],
    ]);
    const processed = findingsOf(report, 'S5-processed')[0];
    expect(processed.keys).toContain('t3.granted.natural');
    expect(processed.keys).toContain('t3.otherHandling.overdueFee.natural');
  });

  it('fails a table 4 group whose total is not the sum (hongze-2023 style)', () => {
    const base = makeReport({ format: '2021', seed: 6 });
    const report = withValues(base, { 't4.review.total': base.values['t4.review.total'] + 11 });
    expect(findingsOf(report, 'S5')).toEqual([
      expect.objectContaining({
        rule: 'S5-t4',
        severity: 'error',
        keys: ['t4.review.upheld', 't4.review.corrected', 't4.review.other', 't4.review.pending', 't4.review.total'],
      }),
    ]);
  });

  it('fails 2019 table 2 items that go below zero', () => {
    const base = makeReport({ format: '2019', seed: 6 });
    const report = withValues(base, { 't2.penalty.change': -base.values['t2.penalty.prev'] - 3 });
    expect(findingsOf(report, 'S5')).toEqual([
      expect.objectContaining({ rule: 'S5-t2', severity: 'error', keys: ['t2.penalty.prev', 't2.penalty.change', 't2.penalty.decisions'] }),
    ]);
  });

  it('treats a blank cell among printed ones as nothing printed, and a blank total as not assessable', () => {
    const base = makeReport({ format: '2021', seed: 6 });
    const zeroRow = Object.keys(base.values).find((k) => /^t3\..+\.commercial$/.test(k) && base.values[k] === 0)!;
    expect(findingsOf(withValues(base, { [zeroRow]: undefined }), 'S5')).toEqual([]);
    const zeroTotal = Object.keys(base.values).find((k) => /^t3\..+\.total$/.test(k) && base.values[k] === 0)!;
    const row = zeroTotal.replace(/\.total$/, '');
    expect(findingsOf(withValues(base, { [zeroTotal]: undefined }), 'S5')).toEqual([
      expect.objectContaining({
        rule: 'S5-row-sum',
        severity: 'info',
        outcome: 'not-assessable',
        keys: [zeroTotal, `${row}.natural`, `${row}.commercial`, `${row}.research`, `${row}.social`, `${row}.legal`, `${row}.other`],
      }),
    ]);
  });

  it('folds one cause into one finding: eleven rows with a blank total are one not-assessable row sum naming each row', () => {
    const base = makeReport({ format: '2021', seed: 6 });
    const totals = Object.keys(base.values).filter((k) => /^t3\..+\.total$/.test(k) && !/^t3\.(newReceived|carriedOver)\./.test(k));
    const blank = totals.slice(0, 11);
    expect(blank).toHaveLength(11);
    const gaps = findingsOf(withValues(base, Object.fromEntries(blank.map((k) => [k, undefined]))), 'S5-row-sum');
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ outcome: 'not-assessable', severity: 'info' });
    expect(gaps[0].keys.filter((k) => k.endsWith('.total'))).toEqual(blank);
    // Each row named as the form prints it, none by its key.
    expect(gaps[0].message).toContain('「表三 · 予以公开」行');
    expect(gaps[0].message).toContain('这 11 行');
    expect(gaps[0].message).not.toMatch(/t3\./);
  });

  it('folds the columns an identity cannot be checked on into one finding listing them', () => {
    const base = makeReport({ format: '2021', seed: 6 });
    // Carried over and carried forward both blank in two columns: the balance has one side only there.
    const cols = ['natural', 'commercial'];
    const blank = Object.fromEntries(cols.flatMap((c) => [`t3.newReceived.${c}`, `t3.carriedOver.${c}`].map((k) => [k, undefined])));
    const gaps = findingsOf(withValues(base, blank), 'S5-balance').filter((f) => f.outcome === 'not-assessable');
    expect(gaps).toHaveLength(1);
    expect(gaps[0].message).toBe('本年新收 + 上年结转 = 办理总计 + 结转下年度：表三“自然人”列、表三“商业企业”列缺少一侧的数值，无法核对。');
    expect(gaps[0].keys).toEqual(expect.arrayContaining(['t3.totalProcessed.natural', 't3.totalProcessed.commercial']));
  });

  it('says not-assessable for tables with no values', () => {
    const base = makeReport({ format: '2021', seed: 6 });
    const report = withValues(
      base,
      Object.fromEntries(
        Object.keys(base.values)
          .filter((k) => !k.startsWith('t2.'))
          .map((k) => [k, undefined]),
      ),
    );
    expect(findingsOf(report, 'S5').map((f) => [f.rule, f.severity, f.outcome, f.keys])).toEqual([
      ['S5-balance', 'info', 'not-assessable', ['t3']],
      ['S5-processed', 'info', 'not-assessable', ['t3']],
      ['S5-row-sum', 'info', 'not-assessable', ['t3']],
      ['S5-t4', 'info', 'not-assessable', ['t4']],
    ]);
  });
});

describe('S5 evidence for a blank cell', () => {
  it('cites what the prose says the blank cell holds (转下一年度办理1件 with the row left blank)', () => {
    // A report that carries applications forward, printed with that whole row left blank.
    const base = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => makeReport({ format: '2021', seed })).find((r) => r.values['t3.carriedForward.total'] > 0)!;
    const forward = base.values['t3.carriedForward.total'];
    const row = Object.fromEntries(
      Object.keys(base.values)
        .filter((k) => k.startsWith('t3.carriedForward.'))
        .map((k) => [k, undefined]),
    );
    const report = {
      ...withValues(base, row),
      narrative: [{ key: 't3.carriedForward.total', value: forward, sentence: `转下一年度办理${forward}件。` }],
    };
    const f = findingsOf(report, 'S5-balance').find((x) => x.keys.includes('t3.carriedForward.total'))!;
    expect(f.evidence).toContain('表三 · 结转下年度继续办理 · 总计 (t3.carriedForward.total)=(blank)');
    expect(f.evidence).toContain(`prose states blank 表三 · 结转下年度继续办理 · 总计 (t3.carriedForward.total)=${forward}`);
    expect(f.evidence).toContain(`「转下一年度办理${forward}件。」`);
  });

  it('takes a blank total whose applicant cells are printed as their sum (sh-kewei: 结转下年度 total cell empty)', () => {
    const base = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => makeReport({ format: '2021', seed })).find((r) => r.values['t3.carriedForward.total'] > 0)!;
    const report = withValues(base, { 't3.carriedForward.total': undefined });
    expect(report.derived['t3.carriedForward.total']).toBe(base.values['t3.carriedForward.total']);
    expect(findingsOf(report, 'S5-balance')).toEqual([]);
    // Only this row's total is blank: its own row sum cannot be checked, and says so.
    expect(findingsOf(report, 'S5-row-sum').map((f) => [f.outcome, f.keys[0]])).toEqual([['not-assessable', 't3.carriedForward.total']]);
    expect(findingsOf(report, 'S5-total-column-blank')).toEqual([]);
  });

  it('on a scan, reads a break through a cell OCR read blank as a figure too faint to read, for an officer to check, never as the report’s error', () => {
    const base = makeReport({ format: '2021', seed: 6 });
    const key = 't3.granted.natural';
    expect(base.values[key]).toBeGreaterThan(0);
    const lost = withValues(base, { [key]: undefined });
    const scan = { ...lost, input: { ...lost.input, kind: 'pdf' as const, encoding: 'ocr' } };
    const found = findingsOf(scan, 'S5').filter((f) => f.keys.includes(key));
    expect(found.map((f) => [f.rule, f.outcome, f.keys])).toEqual([
      ['S5-processed', 'not-assessable', [key]],
      ['S5-row-sum', 'not-assessable', [key]],
    ]);
    expect(found[0].message).toContain('对照扫描件核实');
    expect(findingsOf(scan, 'S5').filter((f) => f.outcome === 'failed')).toEqual([]);
    // The same cell left blank in a text report is the report's own: the breaks are errors.
    expect(
      findingsOf(lost, 'S5')
        .filter((f) => f.keys.includes(key))
        .map((f) => [f.rule, f.severity]),
    ).toEqual([
      ['S5-processed', 'error'],
      ['S5-row-sum', 'error'],
    ]);
    // A scan's break through figures all read is the report's own too.
    const wrong = withValues(base, { [key]: base.values[key] + 1 });
    expect(findingsOf({ ...wrong, input: { ...wrong.input, encoding: 'ocr' } }, 'S5').filter((f) => f.severity === 'error')).toHaveLength(2);
  });

  it('waits for a figure pending review (a scan’s uncertain cell, a row that splits several ways) instead of reading it as blank', () => {
    const base = makeReport({ format: '2021', seed: 6 });
    const key = 't3.granted.natural';
    const report = {
      ...withValues(base, { [key]: undefined }),
      undecided: [{ keys: [key], label: key, printed: '18', candidates: [[18], [13]], texts: [['18'], ['13']], run: false, evidence: base.evidence[key] }],
    };
    const found = findingsOf(report, 'S5').filter((f) => f.keys.includes(key));
    expect(found.map((f) => [f.rule, f.outcome])).toEqual([
      ['S5-processed', 'not-assessable'],
      ['S5-row-sum', 'not-assessable'],
    ]);
    expect(found[0].message).toContain('待核实');
    expect(findingsOf(report, 'S5').filter((f) => f.outcome === 'failed')).toEqual([]);
  });
});
