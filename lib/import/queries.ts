import 'server-only';
import { desc, eq } from 'drizzle-orm';
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

export async function listImports(limit = 50): Promise<ImportSummary[]> {
  const db = await getDb();
  const rows = await db.select(columns).from(imports).leftJoin(actor, eq(actor.id, imports.actorUserId)).orderBy(desc(imports.id)).limit(limit);
  return rows.map((r) => {
    const { refusals: _refusals, ...rest } = summary(r);
    return rest;
  });
}

export async function getImport(id: number): Promise<ImportDetail | null> {
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) return null;
  const db = await getDb();
  const [row] = await db.select(columns).from(imports).leftJoin(actor, eq(actor.id, imports.actorUserId)).where(eq(imports.id, id));
  return row ? summary(row) : null;
}
