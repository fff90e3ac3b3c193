import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2WithIAMAuthorizer } from 'aws-lambda';
import { handler } from './handler';
import { PDFJS_DIR, PDFJS_FILES, PDFJS_PREFIX } from './pdfjs-files';

/**
 * The API and the web page on one local origin: page files from ./web, everything else turned
 * into the API Gateway v2 event that AWS would send and given to the same handler. Binds
 * 127.0.0.1 only: there is no authorization locally, so nothing else may reach it. For the same
 * reason it answers only requests addressed to 127.0.0.1 or localhost: a web page whose own
 * domain is re-pointed at 127.0.0.1 (DNS rebinding) would otherwise read and change the data.
 */

const WEB_DIR = join(__dirname, 'web');
const STATIC = /^\/([a-z0-9-]+\.(?:html|js|css))$/;
const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};
/** Same as the page's meta CSP, sent as a header too so it also covers the JS files. */
// As CloudFront's (lib/api.ts): the sign-in's token exchange is the one call to another origin.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' https://*.amazonaws.com https://*.amazoncognito.com; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
const MAX_BODY = 64 * 1024;
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

export interface LocalApi {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function startApiServer(opts: { port?: number } = {}): Promise<LocalApi> {
  const identity = `local:${userInfo().username}`;
  const server = createServer((req, res) => {
    serve(req, identity).then(
      ({ status, headers, body }) => {
        res.writeHead(status, headers);
        res.end(body);
      },
      (err) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(err));
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    server,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface Out {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

async function serve(req: IncomingMessage, identity: string): Promise<Out> {
  if (!isLocalHost(req.headers.host))
    return {
      status: 403,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ error: 'forbidden_host', message: 'Only requests to 127.0.0.1 or localhost are served' }),
    };
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const file = req.method === 'GET' ? (url.pathname === '/' ? 'index.html' : (STATIC.exec(url.pathname)?.[1] ?? vendorFile(url.pathname))) : undefined;
  if (file) {
    const body = await readFile(file.startsWith('/') ? file : join(WEB_DIR, file)).catch(() => undefined);
    if (body)
      return {
        status: 200,
        headers: {
          'content-type': TYPES[file.split('.').pop()!],
          'content-security-policy': CSP,
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-cache',
        },
        body,
      };
  }
  const body = await readBody(req);
  if (body === null)
    return {
      status: 413,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ error: 'payload_too_large', message: `Request bodies are limited to ${MAX_BODY} bytes` }),
    };
  const result = await handler(toEvent(req, url, body, identity));
  return {
    status: result.statusCode ?? 200,
    headers: Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)])),
    body: result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? ''),
  };
}

/** pdf.js's files, as the stack deploys them next to the page (only the listed names, nothing else from node_modules). */
function vendorFile(pathname: string): string | undefined {
  const name = pathname.startsWith(`/${PDFJS_PREFIX}`) ? pathname.slice(PDFJS_PREFIX.length + 1) : undefined;
  return name && PDFJS_FILES.includes(name) ? join(PDFJS_DIR, name) : undefined;
}

function isLocalHost(host: string | undefined): boolean {
  if (!host) return false;
  try {
    return LOCAL_HOSTS.has(new URL(`http://${host}`).hostname);
  } catch {
    return false; // not even a host name
  }
}

/** Null when the body is over MAX_BODY: API Gateway would refuse it too (413). */
async function readBody(req: IncomingMessage): Promise<string | undefined | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk);
  }
  return chunks.length ? Buffer.concat(chunks).toString('utf8') : undefined;
}

/** The payload-format-2.0 event API Gateway builds, with the local user as the IAM principal. */
function toEvent(req: IncomingMessage, url: URL, body: string | undefined, identity: string): APIGatewayProxyEventV2WithIAMAuthorizer {
  const query: Record<string, string> = {};
  // API Gateway joins repeated parameters with commas.
  for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
  const method = req.method ?? 'GET';
  const now = new Date();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')])),
    queryStringParameters: Object.keys(query).length ? query : undefined,
    body,
    isBase64Encoded: false,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: '127.0.0.1',
      domainPrefix: '127',
      requestId: `${now.getTime()}-${Math.random().toString(36).slice(2)}`,
      routeKey: '$default',
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
      http: { method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: req.headers['user-agent'] ?? '' },
      authorizer: {
        iam: {
          accessKey: 'local',
          accountId: 'local',
          callerId: identity,
          principalOrgId: 'local',
          userArn: identity,
          userId: identity,
          cognitoIdentity: null,
        },
      },
    },
  };
}
