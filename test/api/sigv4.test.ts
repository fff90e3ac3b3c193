import { execFileSync } from 'node:child_process';
import path from 'node:path';

// The page's SigV4 signer (lambdas/api/web/sigv4.js, an ES module for the browser) run in Node's
// WebCrypto and compared with the AWS SDK's own signer on the same requests.

const script = `
import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { sign } from ${JSON.stringify(path.resolve(__dirname, '../../lambdas/api/web/sigv4.js'))};

class Sha256 {
  constructor(secret) { this.h = secret ? createHmac('sha256', secret) : createHash('sha256'); }
  update(d) { this.h.update(d); }
  async digest() { return new Uint8Array(this.h.digest()); }
}
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'token/with+chars=' };
const now = new Date('2026-11-28T10:00:00Z');
const sdk = new SignatureV4({ credentials, region: 'eu-west-1', service: 'execute-api', sha256: Sha256 });
const cases = [
  ['GET', 'https://abc.execute-api.eu-west-1.amazonaws.com/findings?year=2024&severity=error&cursor=eyJwIjo0fQ', undefined],
  ['GET', 'https://abc.execute-api.eu-west-1.amazonaws.com/agencies/' + encodeURIComponent('甲区人民政府') + '/history', undefined],
  ['GET', 'https://abc.execute-api.eu-west-1.amazonaws.com/compare?agencies=' + encodeURIComponent("甲,乙 (x)!'*") + '&year=2024', undefined],
  ['PATCH', 'https://abc.execute-api.eu-west-1.amazonaws.com/findings/' + encodeURIComponent('a-2024~0123abcd'), JSON.stringify({ review: 'dismissed', note: '核实无误' })],
];
const out = [];
for (const [method, url, body] of cases) {
  const u = new URL(url);
  const headers = body ? { 'content-type': 'application/json' } : {};
  const mine = await sign({ method, url, headers, body: body ?? '', credentials, region: 'eu-west-1', now });
  const query = {};
  for (const [k, v] of u.searchParams) query[k] = v;
  const theirs = await sdk.sign({ method, protocol: 'https:', hostname: u.host, path: u.pathname, query, headers: { ...headers, host: u.host }, body }, { signingDate: now });
  out.push([mine.authorization, theirs.headers.authorization]);
}
console.log(JSON.stringify(out));
`;

test('signatures match the AWS SDK signer, including non-ASCII paths, queries and bodies', () => {
  const out = execFileSync(process.execPath, ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', '--input-type=module', '-e', script], { cwd: path.resolve(__dirname, '../..'), encoding: 'utf8' });
  const pairs = JSON.parse(out) as [string, string][];
  expect(pairs).toHaveLength(4);
  for (const [mine, theirs] of pairs) {
    expect(mine).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20261128\/eu-west-1\/execute-api\/aws4_request, SignedHeaders=(content-type;)?host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$/);
    expect(mine).toBe(theirs);
  }
});
