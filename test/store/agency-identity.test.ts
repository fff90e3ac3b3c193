import { agencyIdentity } from '../../lambdas/core/agency/identity';
import { AgencyMatcher } from '../../lambdas/core/audit';
import { withInferredAgencies } from '../../lambdas/core/audit/infer-agency';
import type { ReportSummary } from '../../lambdas/core/audit/types';
import { closeParseWorkers } from '../../lambdas/core/record/parse-isolated';
import { startApiServer, type LocalApi } from '../../lambdas/api/local-server';
import { allReportsOfYear, currentKin, kinName, listReportsByAgency, slotHistory } from '../../lambdas/store';
import { startLocalStack, type LocalStack } from '../../local/stack';
import { reportHtml } from '../../local/synthetic-report';

/**
 * One agency printed three ways (ASCII, full-width and Chinese digits) is one agency everywhere:
 * one agency-year slot with one current version, one matching name for its neighbours, one
 * agency for the audit and one entry in the API's directory.
 */
const SPELLINGS = ['第8师', '第８师', '第八师'];

describe('agencyIdentity', () => {
  it.each([
    [['第8师', '第８师', '第八师', '第 八 师', '第\u30008师'], '第8师'],
    [['新疆生产建设兵团第十二师', '新疆生产建设兵团第12师', '新疆生产建设兵团第１２师'], '新疆生产建设兵团第12师'],
    [['一四八团', '148团', '一百四十八团', '１４８团'], '148团'],
    [['第二师246团', '第2师二四六团', '第２师２４６团'], '第2师246团'],
    [['淮安市（洪泽区）人民政府', '淮安市(洪泽区)人民政府', '“淮安市(洪泽区)”人民政府'], '淮安市(洪泽区)人民政府'],
  ])('gives %j one identity', (names, identity) => {
    for (const n of names) expect(agencyIdentity(n)).toBe(identity);
  });

  it('leaves numerals that are words of a name (三亚市, 九江市, 十堰市) as they are', () => {
    for (const n of ['三亚市人民政府', '九江市教育局', '十堰市财政局', '六安市']) expect(agencyIdentity(n)).toBe(n);
  });
});

describe('on the local stack', () => {
  let stack: LocalStack;
  let api: LocalApi;
  beforeAll(async () => {
    stack = await startLocalStack({ retryDelaysMs: [10, 10] });
    api = await startApiServer();
    // Uploaded in this order, each a corrected version of the last: the third is current.
    for (const [i, agency] of SPELLINGS.entries()) await stack.upload(`incoming/identity/${i}.html`, reportHtml(agency, 2022, 30 + i));
  });
  afterAll(async () => {
    await api?.close();
    await stack?.stop();
    await closeParseWorkers();
  });

  it('keeps one agency-year slot: the latest spelling is current, the others its history', async () => {
    const year = await allReportsOfYear(2022, { all: true });
    const mine = year.filter((r) => SPELLINGS.includes(r.agency ?? ''));
    expect(mine.map((r) => r.agency).sort()).toEqual([...SPELLINGS].sort());
    expect(mine.filter((r) => r.current).map((r) => r.agency)).toEqual(['第八师']);
    for (const spelling of SPELLINGS) {
      expect((await slotHistory(spelling, 2022)).map((r) => r.agency)).toEqual(SPELLINGS);
      expect((await listReportsByAgency(spelling)).map((r) => r.agency)).toEqual(['第八师']);
    }
  });

  it('files every spelling under one matching name, with one current version there', async () => {
    const names = await Promise.all(SPELLINGS.map(kinName));
    expect(new Set(names).size).toBe(1);
    expect((await currentKin(names[0], 2022)).map((r) => r.agency)).toEqual(['第八师']);
  });

  it('lists the agency once in the API’s directory, with the names it was printed under', async () => {
    const res = await fetch(new URL('/agencies?year=2022', api.url));
    const body = (await res.json()) as { items: { name: string; names: string[] }[] };
    const entries = body.items.filter((a) => a.names.some((n) => SPELLINGS.includes(n)));
    expect(entries).toHaveLength(1);
  });

  it('serves one history and one set of findings for the agency under any spelling, nothing twice', async () => {
    const ids = (await allReportsOfYear(2022, { all: true })).filter((r) => SPELLINGS.includes(r.agency ?? '')).map((r) => r.id);
    const current = (await listReportsByAgency('第八师'))[0].id;
    for (const spelling of SPELLINGS) {
      const history = (await (await fetch(new URL(`/agencies/${encodeURIComponent(spelling)}/history`, api.url))).json()) as {
        years: { year: number; report: { id: string }; versions: { id: string }[] }[];
      };
      expect(history.years.map((y) => y.year)).toEqual([2022]);
      expect(history.years[0].report.id).toBe(current);
      expect(history.years[0].versions.map((v) => v.id).sort()).toEqual([...ids].sort());
      const findings = (await (await fetch(new URL(`/findings?year=2022&agency=${encodeURIComponent(spelling)}`, api.url))).json()) as {
        items: { id: string; reportId: string }[];
      };
      const keys = findings.items.map((f) => f.id);
      expect(new Set(keys).size).toBe(keys.length);
      expect(new Set(findings.items.map((f) => f.reportId))).toEqual(new Set([current]));
    }
  });

  it('audits the spellings as one agency', () => {
    const summary = (agencyText: string, id: string): ReportSummary => ({
      id,
      year: 2022,
      agencyText,
      agency: null,
      format: '2021',
      publishedAt: '2023-01-20',
      figures: {},
      tableHash: null,
      narrativeHash: null,
      narrativeSignature: null,
    });
    const audited = withInferredAgencies(
      SPELLINGS.map((s, i) => summary(s, `r${i}`)),
      new AgencyMatcher([]),
    );
    expect(new Set(audited.map((r) => r.agency?.name)).size).toBe(1);
    // A registry that names the agency one way matches the other two spellings to it.
    const registered = new AgencyMatcher([{ name: '第八师', aliases: [], kind: 'government', region: '', level: '', parent: null, deadline: null }]);
    for (const s of SPELLINGS) expect(registered.match(s).agency?.name).toBe('第八师');
  });
});
