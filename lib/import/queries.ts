import 'server-only';
import { desc, eq, lt } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import { userContacts } from '@/lib/auth/read';
import type { ImportKind } from './rows';
import { imports, type StoredRefusal } from './schema';

/** The back office's view of the import history (newest first) and of one import with its refusals. */

export type ImportSummary = {
  id: number;
  kind: ImportKind;
  format: 'csv' | 'json';
  actorType: 'user' | 'api_key' | 'seed';
  actorName: string | null;
  actorKeyId: number | null;
  fileName: string | null;
  status: 'applied' | 'unchanged' | 'refused';
  rows: number;
  changed: number;
  refusalCount: number;
  createdAt: Date;
};

export type ImportDetail = ImportSummary & { refusals: StoredRefusal[] };

const actor = userContacts('actor');

const columns = {
  id: imports.id,
  kind: imports.kind,
  format: imports.format,
  actorType: imports.actorType,
  actorName: actor.email,
  actorKeyId: imports.actorKeyId,
  fileName: imports.fileName,
  status: imports.status,
  rows: imports.rows,
  changed: imports.changed,
  refusals: imports.refusals,
  createdAt: imports.createdAt,
};

function summary({ refusals, ...row }: { refusals: StoredRefusal[] | string } & Omit<ImportSummary, 'refusalCount'>): ImportDetail {
  const list = typeof refusals === 'string' ? (JSON.parse(refusals) as StoredRefusal[]) : refusals;
  return { ...row, refusalCount: list.length, refusals: list };
}

export const IMPORT_PAGE_SIZE = 50;

/**
 * The history, newest first, a page at a time by keyset (`before`: the last id of the previous
 * page), so a page stays the same while new imports come in; `nextBefore` is the cursor of the
 * older page, or null on the last one.
 */
export async function listImports(q: { before?: number; limit?: number } = {}): Promise<{ imports: ImportSummary[]; nextBefore: number | null }> {
  const limit = q.limit ?? IMPORT_PAGE_SIZE;
  const db = await getDb();
  const rows = await db
    .select(columns)
    .from(imports)
    .leftJoin(actor, eq(actor.id, imports.actorUserId))
    .where(q.before === undefined ? undefined : lt(imports.id, q.before))
    .orderBy(desc(imports.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map((r) => {
    const { refusals: _refusals, ...rest } = summary(r);
    return rest;
  });
  return { imports: page, nextBefore: rows.length > limit ? page[page.length - 1]!.id : null };
}

export async function getImport(id: number): Promise<ImportDetail | null> {
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) return null;
  const db = await getDb();
  const [row] = await db.select(columns).from(imports).leftJoin(actor, eq(actor.id, imports.actorUserId)).where(eq(imports.id, id));
  return row ? summary(row) : null;
}
