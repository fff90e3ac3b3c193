import { z } from 'zod';
import { BadRequest, MethodNotAllowed, NotFound } from './errors';
import type { Reply } from './reply';

export type Method = 'GET' | 'PATCH';

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** Who is calling: the IAM principal in AWS, the local user on a laptop. */
  identity: string;
}

/** One route: its schemas are both the validation and the OpenAPI description. */
export interface Route<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> {
  method: Method;
  /** API Gateway style: `/reports/{id}`. */
  path: string;
  summary: string;
  description?: string;
  params?: P;
  query?: Q;
  body?: B;
  /** Status → description, for the OpenAPI document. */
  responses: Record<number, string>;
  /** Media types besides JSON, e.g. text/csv. */
  alsoProduces?: string[];
  // Method syntax on purpose: routes with different schemas share one table.
  run(input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>): Promise<Reply>;
}

export const route = <P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(r: Route<P, Q, B>): Route<P, Q, B> => r;

export interface Request {
  method: string;
  path: string;
  query: Record<string, string | undefined>;
  /** Parsed JSON body, `undefined` when there is none. */
  body: unknown;
  identity: string;
}

interface Compiled {
  route: Route;
  pattern: RegExp;
  names: string[];
}

export class Router {
  private readonly compiled: Compiled[];

  constructor(routes: Route[]) {
    this.compiled = routes.map((r) => {
      const names: string[] = [];
      const source = r.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      return { route: r, pattern: new RegExp(`^${source}/?$`), names };
    });
  }

  async dispatch(req: Request): Promise<Reply> {
    const matches = this.compiled.map((c) => ({ c, m: c.pattern.exec(req.path) })).filter((x): x is { c: Compiled; m: RegExpExecArray } => x.m !== null);
    if (matches.length === 0) throw new NotFound(`No such resource: ${req.path}`);
    const hit = matches.find((x) => x.c.route.method === req.method);
    if (!hit) throw new MethodNotAllowed([...new Set(matches.map((x) => x.c.route.method))], req.method, req.path);
    const { route: r, names } = hit.c;
    const rawParams = Object.fromEntries(names.map((n, i) => [n, decodeSegment(hit.m[i + 1])]));
    return r.run({
      params: validate(r.params, rawParams, 'path'),
      query: validate(r.query, req.query, 'query'),
      body: validate(r.body, req.body, 'body'),
      identity: req.identity,
    });
  }
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new BadRequest(`Path segment is not valid percent-encoding: ${s}`);
  }
}

/** Parses with the route's schema; every problem becomes one `{path, message}` in a 400. */
export function validate<S extends z.ZodType>(schema: S | undefined, data: unknown, where: string): z.output<S> {
  if (!schema) return undefined as z.output<S>;
  if (where === 'body' && data === undefined) throw new BadRequest('A JSON request body is required');
  const res = schema.safeParse(data);
  if (res.success) return res.data;
  const issues = res.error.issues.map((i) => ({ path: [where, ...i.path.map(String)].join('.'), message: i.message }));
  throw new BadRequest(`Invalid ${where}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
}
