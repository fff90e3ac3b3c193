import { z } from 'zod';
import type { Route } from './router';

type JsonSchema = { properties?: Record<string, Record<string, unknown>>; required?: string[] };

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
export function openApiDocument(routes: Route[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    paths[r.path] ??= {};
    paths[r.path][r.method.toLowerCase()] = {
      summary: r.summary,
      description: r.description,
      parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
      requestBody: r.body ? { required: true, content: { 'application/json': { schema: inputSchema(r.body) } } } : undefined,
      responses: Object.fromEntries(
        Object.entries(r.responses).map(([status, description]) => [
          status,
          {
            description,
            content:
              Number(status) >= 400
                ? { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
                : Object.fromEntries(['application/json', ...(r.alsoProduces ?? [])].map((t) => [t, {}])),
          },
        ]),
      ),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'ogi-audit query API',
      version: '1.0.0',
      description:
        'Reports, findings, reviews and agency comparisons from annual reports on government information disclosure. ' +
        'In AWS every route needs a signed-in officer (Cognito access token as `Authorization: Bearer …`); writing needs the reviewer group (403 otherwise). ' +
        'Unknown routes answer 404, invalid input 400 with the problems listed.',
    },
    security: [{ cognito: [] }],
    paths,
    components: {
      securitySchemes: { cognito: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: "Access token from the Cognito user pool's hosted UI" } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error', 'message'],
          properties: {
            error: { type: 'string', enum: ['bad_request', 'forbidden', 'not_found', 'method_not_allowed', 'too_large', 'internal'] },
            message: { type: 'string' },
            issues: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
          },
        },
      },
    },
  };
}

function inputSchema(schema: z.ZodType) {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = inputSchema(schema) as JsonSchema;
  return Object.entries(json.properties ?? {}).map(([name, { description, ...s }]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    description,
    schema: s,
  }));
}
