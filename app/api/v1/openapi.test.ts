import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { operationOf } from '@/lib/api/http';
import { operations, type Operation } from '@/lib/api/operations';
import { importRowSchemas } from '@/lib/import/rows';
import { callApi } from '@/test/support/api';
import { GET } from './openapi.json/route';

vi.mock('next/server', async () => ({ ...(await import('next/server.js')), connection: async () => {} }));

/*
 * The description and the handlers cannot drift apart: every route handler under app/api/v1 is
 * built from an operation of lib/api/operations.ts (so it parses with that operation's schemas),
 * every operation has its handler at its path and method, and the served document describes each
 * with the JSON Schema of those very zod schemas.
 */
const routes = import.meta.glob<Record<string, unknown>>('./**/route.ts', { eager: true });
const all = Object.values(operations) as Operation[];

const pathOf = (file: string) => '/api/v1' + file.replace(/^\./, '').replace(/\/route\.ts$/, '');

describe('the OpenAPI description', () => {
  it('describes every route handler under app/api/v1, which is built from the operation it is described by', () => {
    const files = fs.readdirSync(path.join(__dirname), { recursive: true }).filter((f) => String(f).endsWith('route.ts'));
    expect(Object.keys(routes)).toHaveLength(files.length);
    const used = new Set<Operation>();
    for (const [file, mod] of Object.entries(routes)) {
      for (const [method, handler] of Object.entries(mod)) {
        if (!/^(GET|POST|PUT|PATCH|DELETE)$/.test(method)) continue;
        const op = operationOf(handler);
        expect(op, `${method} ${file} is built from an operation (lib/api/http.ts apiRead/apiWrite)`).toBeDefined();
        expect(all, `${method} ${file}'s operation is in lib/api/operations.ts`).toContain(op);
        expect([op!.method, op!.path]).toEqual([method.toLowerCase(), pathOf(file)]);
        expect(used.has(op!), `${op!.id} has one handler`).toBe(false);
        used.add(op!);
      }
    }
    expect([...used].map((o) => o.id).sort()).toEqual(all.map((o) => o.id).sort());
  });

  it('validates writes with the import’s own row schemas', () => {
    for (const op of all.filter((o) => o.importKind)) {
      const body = op.body as z.ZodObject<{ rows: z.ZodArray<z.ZodType> }>;
      expect(body.shape.rows.element, op.id).toBe(importRowSchemas[op.importKind!]);
    }
  });

  it('serves OpenAPI 3.1 whose every path, parameter and body is the JSON Schema of the schemas the handlers parse with', async () => {
    const res = await callApi(GET, '/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { parameters?: { name: string; in: string }[]; requestBody?: { content: Record<string, { schema: unknown }> }; 'x-scope'?: string }>
      >;
      webhooks: Record<string, unknown>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.webhooks).sort()).toEqual(['order.placed', 'reservation.placed', 'return.checked_in']);
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const op of all) {
      const described = doc.paths[op.path]?.[op.method];
      expect(described, `${op.method} ${op.path}`).toBeDefined();
      if (op.scope) expect(described!['x-scope']).toBe(op.scope);
      if (op.body) {
        const { $schema: _, ...expected } = z.toJSONSchema(op.body, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as Record<
          string,
          unknown
        >;
        expect(described!.requestBody!.content['application/json']!.schema, op.id).toEqual(expected);
        expect(described!.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }));
      }
      if (op.query) {
        const names = Object.keys((z.toJSONSchema(op.query, { io: 'input', unrepresentable: 'any' }) as { properties: object }).properties);
        expect(described!.parameters!.map((p) => p.name).sort(), op.id).toEqual(names.sort());
      }
    }
    // The stock rows as the import validates them: store, ean, quantity, mode — and nothing else.
    const stock = doc.paths['/api/v1/stock']!.post!.requestBody!.content['application/json']!.schema as {
      properties: { rows: { items: { properties: Record<string, unknown>; additionalProperties: unknown } } };
    };
    expect(Object.keys(stock.properties.rows.items.properties).sort()).toEqual(['ean', 'mode', 'quantity', 'store']);
    expect(stock.properties.rows.items.additionalProperties).toBe(false);
  });
});
