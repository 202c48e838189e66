import 'server-only';
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import { auditLog } from './schema';

export type AuditLine = {
  id: number;
  at: Date;
  actorType: string;
  actorName: string | null;
  actorUserId: number | null;
  entity: string;
  entityId: string;
  productId: number | null;
  action: string;
  before: unknown;
  after: unknown;
  /** The import that made the change (its page in the back office), or null. */
  importId: number | null;
};

export const AUDIT_PAGE_SIZE = 30;

/**
 * The audit log, newest first, a page at a time by keyset (`before`: the last id of the previous
 * page), so a page stays the same while new lines are written; optionally one product's lines.
 */
export async function listAudit(q: { productId?: number; before?: number; limit?: number } = {}): Promise<{ lines: AuditLine[]; nextBefore: number | null }> {
  const db = await getDb();
  const limit = q.limit ?? AUDIT_PAGE_SIZE;
  const where: SQL[] = [];
  if (q.productId !== undefined) where.push(eq(auditLog.productId, q.productId));
  if (q.before !== undefined) where.push(lt(auditLog.id, q.before));
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorType: auditLog.actorType,
      actorName: auditLog.actorName,
      actorUserId: auditLog.actorUserId,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      productId: auditLog.productId,
      action: auditLog.action,
      before: auditLog.before,
      after: auditLog.after,
      importId: auditLog.importId,
    })
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const lines = rows.slice(0, limit);
  return { lines, nextBefore: rows.length > limit ? lines[lines.length - 1]!.id : null };
}
