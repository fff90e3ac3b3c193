import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { GROUPS } from './access';
import { handler } from './handler';
import { PDFJS_DIR, PDFJS_FILES, PDFJS_PREFIX } from './pdfjs-files';

/**
 * The API and the web page on one local origin: page files from ./web, everything else turned
 * into the API Gateway v2 event that AWS would send and given to the same handler. Binds
 * 127.0.0.1 only: there is no sign-in locally, so nothing else may reach it. For the same
 * reason it answers only requests addressed to 127.0.0.1 or localhost: a web page whose own
 * domain is re-pointed at 127.0.0.1 (DNS rebinding) would otherwise read and change the data.
 *
 * Roles locally: every request carries the claims a signed-in officer's token would, with the
 * group the page's role switch chose (`x-ogi-local-role`, default reviewer), so the handler's own
 * authorisation (access.ts) decides what an officer or a reviewer may do, exactly as in AWS. This
 * server is the only place such claims are made up; in AWS they come from the JWT authorizer.
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
/** The header the page's local role switch sets. */
export const LOCAL_ROLE_HEADER = 'x-ogi-local-role';
export type LocalRole = keyof typeof GROUPS;
const ROLES = Object.keys(GROUPS) as LocalRole[];
const DEFAULT_ROLE: LocalRole = 'reviewer';

export interface LocalApi {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function startApiServer(opts: { port?: number } = {}): Promise<LocalApi> {
  const user = `local:${userInfo().username}`;
  const server = createServer((req, res) => {
    serve(req, user).then(
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

async function serve(req: IncomingMessage, user: string): Promise<Out> {
  if (!isLocalHost(req.headers.host))
    return {
      status: 403,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ error: 'forbidden_host', message: 'Only requests to 127.0.0.1 or localhost are served' }),
    };
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  // The page's settings locally: no API elsewhere, no sign-in, the roles to switch between.
  if (req.method === 'GET' && url.pathname === '/config.json')
    return {
      status: 200,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-cache' },
      body: JSON.stringify({ local: { user, roles: ROLES } }),
    };
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
  const role = localRole(req.headers[LOCAL_ROLE_HEADER]);
  if (!role)
    return {
      status: 400,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ error: 'bad_request', message: `${LOCAL_ROLE_HEADER} must be one of ${ROLES.join(', ')}` }),
    };
  const result = await handler(toEvent(req, url, body, user, role));
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

/** The role a local request acts in: the switch's choice, else a reviewer; undefined for a name that is no role. */
function localRole(header: string | string[] | undefined): LocalRole | undefined {
  const asked = Array.isArray(header) ? header[0] : header;
  if (!asked) return DEFAULT_ROLE;
  return ROLES.find((r) => r === asked);
}

/** The payload-format-2.0 event API Gateway builds, with the claims its JWT authorizer would pass for the local user in `role`. */
function toEvent(req: IncomingMessage, url: URL, body: string | undefined, user: string, role: LocalRole): APIGatewayProxyEventV2WithJWTAuthorizer {
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
        principalId: user,
        integrationLatency: 0,
        // As API Gateway flattens the token's group list.
        jwt: { claims: { username: user, 'cognito:groups': `[${role}]` }, scopes: null },
      },
    },
  };
}
