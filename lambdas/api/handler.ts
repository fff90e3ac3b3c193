import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyEventV2WithIAMAuthorizer,
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { authorize, type Claims } from './access';
import { InvalidCursor } from '../store';
import { instrumented, telemetry } from '../telemetry';
import { BadRequest, HttpError, MethodNotAllowed } from './errors';
import { toResult } from './reply';
import { router } from './routes';

const t = telemetry('ogi-api');
const { logger } = t;

export type ApiEvent = APIGatewayProxyEventV2 | APIGatewayProxyEventV2WithIAMAuthorizer | APIGatewayProxyEventV2WithJWTAuthorizer;

/** The Lambda behind the HTTP API (payload format 2.0); the local server calls it with the same events. */
export function handler(event: ApiEvent, context?: Context): Promise<APIGatewayProxyStructuredResultV2> {
  return instrumented(t, context, () => handle(event));
}

async function handle(event: ApiEvent): Promise<APIGatewayProxyStructuredResultV2> {
  const method = event.requestContext.http.method.toUpperCase();
  const path = event.rawPath;
  try {
    authorize(method, claimsOf(event));
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

type Authorizer = { iam?: { userArn?: string | null }; jwt?: { claims?: Claims } };
const authorizerOf = (event: ApiEvent) => (event.requestContext as { authorizer?: Authorizer }).authorizer;

/** The signed-in officer's claims (API Gateway's JWT authorizer has verified the token; locally, the local server's officer). */
const claimsOf = (event: ApiEvent): Claims | undefined => authorizerOf(event)?.jwt?.claims;

/** Who calls: the officer's user name or e-mail from the token; a local event names the local user. */
function identityOf(event: ApiEvent): string {
  const claims = claimsOf(event);
  const who = claims?.email ?? claims?.username ?? claims?.['cognito:username'] ?? claims?.sub;
  return who !== undefined ? String(who) : (authorizerOf(event)?.iam?.userArn ?? 'anonymous');
}
