import 'server-only';
import type { Db } from '@/lib/db';
import { auditLog } from './schema';

/** Who made a change: a back-office person (their id and name at the time), or a background job. */
export type AuditActor = { type: 'user'; userId: number; name?: string | null } | { type: 'job' };

export type AuditEntry = {
  actor: AuditActor;
  entity: 'product' | 'sku' | 'scheduled_price' | 'picture';
  entityId: number | string;
  /** The product the change belongs to: the log's filter. */
  productId?: number | null;
  action: string;
  before: unknown;
  after: unknown;
};

/**
 * Writes one line of the audit log, inside the caller's transaction: the line commits with the
 * change it records, or neither does. The table refuses any later UPDATE or DELETE (migration 0034).
 */
export async function recordAudit(tx: Db, e: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorType: e.actor.type,
    actorUserId: e.actor.type === 'user' ? e.actor.userId : null,
    actorName: e.actor.type === 'user' ? (e.actor.name ?? null) : null,
    entity: e.entity,
    entityId: String(e.entityId),
    productId: e.productId ?? null,
    action: e.action,
    before: e.before ?? null,
    after: e.after ?? null,
  });
}
