import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AsyncInvoker } from './async-invoker';

export interface LambdaEndpoint {
  endpoint: string;
  close(): Promise<void>;
}

const INVOKE = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;

/**
 * Lambda's Invoke API on 127.0.0.1 for asynchronous invocations (`InvocationType: Event`), so the
 * API's `LambdaClient` works unchanged (`AWS_ENDPOINT_URL_LAMBDA`): each named function's events go
 * to its AsyncInvoker (queue, retries, dead letters) and the caller gets 202 at once, as from AWS.
 */
/** A function's queue as the endpoint sees it: JSON in, nothing back. */
type Invocable = Pick<AsyncInvoker<never>, 'invoke'>;

export async function startLambdaEndpoint(functions: Record<string, Invocable>): Promise<LambdaEndpoint> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answer = (status: number, type?: string, message?: string) => {
        res.writeHead(status, type ? { 'content-type': 'application/json', 'x-amzn-errortype': type } : {});
        res.end(message ? JSON.stringify({ Type: 'User', message }) : undefined);
      };
      const name = INVOKE.exec(new URL(req.url ?? '/', 'http://127.0.0.1').pathname)?.[1];
      const fn = req.method === 'POST' && name ? functions[decodeURIComponent(name)] : undefined;
      if (!fn) return answer(404, 'ResourceNotFoundException', `Function not found: ${name ?? req.url}`);
      if (req.headers['x-amz-invocation-type'] !== 'Event')
        return answer(400, 'InvalidParameterValueException', 'Only asynchronous invocations (InvocationType Event) are served locally');
      let event: never;
      try {
        event = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as never;
      } catch {
        return answer(400, 'InvalidRequestContentException', 'Could not parse request body into json');
      }
      fn.invoke(event);
      answer(202);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
