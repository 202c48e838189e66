import { z } from 'zod';
import { operations, type Operation } from './operations';
import { webhookEventSchemas } from './webhook-events';

/*
 * The OpenAPI 3.1 description of /api/v1, generated from the zod schemas the handlers parse with
 * (lib/api/operations.ts) — OpenAPI 3.1's schemas are JSON Schema 2020-12, what z.toJSONSchema
 * writes. Served at GET /api/v1/openapi.json.
 */

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const errorSchema: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', examples: ['unauthorized', 'forbidden', 'rate_limited', 'invalid_request', 'idempotency_key_reused'] },
        message: { type: 'string' },
        issues: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
      },
    },
  },
};

const errorRef = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

/** The query's parameters, one per property of its (object) schema. */
function parameters(op: Operation): JsonSchema[] {
  if (!op.query) return [];
  const schema = jsonSchema(op.query, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, s]) => {
    const { description, ...rest } = s;
    return { name, in: 'query', required: schema.required?.includes(name) ?? false, description, schema: rest };
  });
}

function describeOperation(op: Operation): JsonSchema {
  const write = op.method !== 'get';
  const responses: Record<string, unknown> = {
    200: { description: 'OK', content: { 'application/json': { schema: jsonSchema(op.response, 'output') } } },
  };
  if (op.scope) {
    responses[401] = errorRef('No key, an unknown key or a revoked key.');
    responses[403] = errorRef(`The key lacks the "${op.scope}" scope.`);
    responses[429] = errorRef('Over the key’s rate limit: wait for Retry-After seconds.');
  }
  if (op.query) responses[400] = errorRef('A query parameter is missing, repeated or malformed.');
  if (write) {
    responses[400] = errorRef('No Idempotency-Key header, or a body that is not JSON.');
    responses[409] = errorRef('A request with this Idempotency-Key is still being answered: retry.');
    responses[413] = errorRef('The body is too large.');
    responses[415] = errorRef('The body is not application/json.');
    responses[422] = errorRef(
      'The body does not match the schema (each issue with its path), a row was refused, or the Idempotency-Key was used for another request.',
    );
  }
  return {
    operationId: op.id,
    summary: op.summary,
    description: op.description,
    ...(op.scope ? { security: [{ apiKey: [] }], 'x-scope': op.scope } : { security: [] }),
    ...(op.query ? { parameters: parameters(op) } : {}),
    ...(write
      ? {
          parameters: [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: true,
              description: 'A new value (a UUID) per write; a retry sends the same.',
              schema: { type: 'string', maxLength: 255 },
            },
          ],
          requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body!, 'input') } } },
        }
      : {}),
    responses,
  };
}

export function openApiDocument(): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of Object.values(operations) as Operation[]) (paths[op.path] ??= {})[op.method] = describeOperation(op);
  const webhooks: Record<string, JsonSchema> = {};
  for (const [event, schema] of Object.entries(webhookEventSchemas)) {
    webhooks[event] = {
      post: {
        summary: `${event}, posted to the endpoints registered for it`,
        description:
          'Signed: the Comptoir-Signature header is `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the endpoint’s secret>`. Answer 2xx within 10 s; anything else is retried with backoff.',
        parameters: [{ name: 'Comptoir-Signature', in: 'header', required: true, schema: { type: 'string' } }],
        requestBody: { content: { 'application/json': { schema: jsonSchema(schema, 'output') } } },
        responses: { 200: { description: 'Received (any 2xx).' } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Comptoir API',
      version: '1',
      description: 'For the retailer’s systems: catalogue, prices and stock in, orders and returns out. See docs/api.md.',
    },
    servers: [{ url: '/' }],
    security: [{ apiKey: [] }],
    paths,
    webhooks,
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key made by an admin at /admin/api-keys: Authorization: Bearer ck_…' },
      },
      schemas: { Error: errorSchema },
    },
  };
}
