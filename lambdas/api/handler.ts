import type { APIGatewayProxyEventV2, APIGatewayProxyEventV2WithIAMAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { InvalidCursor } from '../store';
import { instrumented, telemetry } from '../telemetry';
import { BadRequest, HttpError, MethodNotAllowed } from './errors';
import { toResult } from './reply';
import { router } from './routes';

const t = telemetry('ogi-api');
const { logger } = t;

export type ApiEvent = APIGatewayProxyEventV2 | APIGatewayProxyEventV2WithIAMAuthorizer;

/** The Lambda behind the HTTP API (payload format 2.0); the local server calls it with the same events. */
export function handler(event: ApiEvent): Promise<APIGatewayProxyStructuredResultV2> {
  return instrumented(t, () => handle(event));
}

async function handle(event: ApiEvent): Promise<APIGatewayProxyStructuredResultV2> {
  const method = event.requestContext.http.method.toUpperCase();
  const path = event.rawPath;
  try {
    const reply = await router.dispatch({ method, path, query: event.queryStringParameters ?? {}, body: parseBody(event), identity: identityOf(event) });
    return toResult(reply);
  } catch (err) {
    const known = err instanceof InvalidCursor ? new BadRequest('Invalid cursor: pass the cursor of the previous page unchanged') : err;
    if (known instanceof HttpError) {
      const allow = known instanceof MethodNotAllowed ? { allow: known.allow.join(', ') } : undefined;
      return toResult({ status: known.status, json: { error: known.code, message: known.message, issues: known.issues } }, allow);
    }
    logger.error('Unhandled error', { method, path, error: err as Error });
    return toResult({ status: 500, json: { error: 'internal', message: 'Internal error; it has been logged.' } });
  }
}

function parseBody(event: ApiEvent): unknown {
  if (!event.body) return undefined;
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequest('The request body is not valid JSON');
  }
}

/** The caller's IAM principal (API Gateway has verified it); a local event names the local user. */
function identityOf(event: ApiEvent): string {
  const authorizer = (event.requestContext as { authorizer?: { iam?: { userArn?: string | null } } }).authorizer;
  return authorizer?.iam?.userArn ?? 'anonymous';
}
