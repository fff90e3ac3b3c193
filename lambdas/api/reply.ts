import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** What a route returns: JSON, a file (CSV) the browser downloads, or bytes the page reads (a PDF). */
export type Reply =
  | { status?: number; json: unknown }
  | { status?: number; file: { body: string; contentType: string; filename: string } }
  | { status?: number; bytes: { body: Uint8Array; contentType: string } };

const COMMON = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

export function toResult(reply: Reply, extraHeaders: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  if ('bytes' in reply)
    return {
      statusCode: reply.status ?? 200,
      headers: { ...COMMON, ...extraHeaders, 'content-type': reply.bytes.contentType },
      body: Buffer.from(reply.bytes.body).toString('base64'),
      isBase64Encoded: true,
    };
  if ('file' in reply) {
    const { body, contentType, filename } = reply.file;
    return {
      statusCode: reply.status ?? 200,
      headers: {
        ...COMMON,
        ...extraHeaders,
        'content-type': contentType,
        // RFC 6266: an ASCII fallback plus the UTF-8 name, since names may carry Chinese.
        'content-disposition': `attachment; filename="${filename.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      },
      body,
    };
  }
  return {
    statusCode: reply.status ?? 200,
    headers: { ...COMMON, ...extraHeaders, 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(reply.json),
  };
}
