import 'server-only';
import type { z } from 'zod';
import { runImport } from '@/lib/import';
import { apiWrite, rowsRefused } from './http';
import type { Operation } from './operations';
import type { ApiScope } from './schema';

type ImportOperation = Operation & { scope: ApiScope; body: z.ZodType; importKind: NonNullable<Operation['importKind']> };

/**
 * A write of the API is an import (lib/import: THE way bulk writes enter), of the rows the body
 * holds: validated by the import's own row schema, applied all or nothing, audited in the imports'
 * history with the key as its actor. The import is keyed by the API key and the Idempotency-Key,
 * in the import's own transaction: a retry whose first answer was lost applies nothing twice.
 */
export function importRoute(op: ImportOperation) {
  return apiWrite(op, async ({ raw, caller, idempotencyKey, locale }) => {
    const report = await runImport({
      kind: op.importKind,
      format: 'json',
      body: (raw as { rows: unknown[] }).rows,
      actor: { type: 'api_key', keyId: caller.keyId },
      locale,
      fileName: `${op.method.toUpperCase()} ${op.path}`,
      key: `api:${caller.keyId}:${idempotencyKey}`,
    });
    if (report.status === 'refused') return rowsRefused(report.refusals);
    return { status: 200, body: { import: { id: report.importId, status: report.status, rows: report.rows, changed: report.changed } } };
  });
}
