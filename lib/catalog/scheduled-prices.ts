import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '@/lib/audit/record';
import { transaction } from '@/lib/db';
import { CatalogNotFoundError, ScheduledPriceClosedError, ScheduledPriceInPastError } from './errors';
import { scheduledPriceChanges, skus } from './schema';

/*
 * A SKU's price from a date-time, set in the back office and applied by the background job
 * (lib/jobs). Every server of a fleet runs that job: a change is claimed by a conditional UPDATE
 * (`applied_at IS NULL AND cancelled_at IS NULL`, rows locked with SKIP LOCKED) in the same
 * transaction as the price it writes and its audit line, so it is applied once, or not at all if
 * that transaction fails. A cancel takes the same condition: a change is either applied or
 * cancelled, never both (and a CHECK says so). The SKU's UPDATE is what expires its pages
 * (migration 0019).
 */

export type ScheduleInput = { skuId: number; priceCents: number; effectiveAt: Date };

/** Schedules a price; refused for a moment already past (by the database's clock). */
export async function schedulePriceChange(actor: AuditActor, s: ScheduleInput): Promise<{ id: number }> {
  if (!Number.isSafeInteger(s.priceCents) || s.priceCents <= 0) throw new Error('schedulePriceChange: priceCents must be a positive whole number');
  return transaction(async (tx) => {
    const [sku] = await tx.select({ productId: skus.productId, priceCents: skus.priceCents }).from(skus).where(eq(skus.id, s.skuId));
    if (!sku) throw new CatalogNotFoundError('sku');
    // Raw SQL: an INSERT … SELECT … WHERE, so "a moment to come" is judged by the database's clock.
    const rows = await tx.execute<{ id: number }>(sql`
      INSERT INTO ${scheduledPriceChanges} (sku_id, price_cents, effective_at, created_by)
      SELECT ${s.skuId}, ${s.priceCents}, ${s.effectiveAt.toISOString()}::timestamptz, ${actor.type === 'user' ? actor.userId : null}
      WHERE ${s.effectiveAt.toISOString()}::timestamptz > now()
      RETURNING id`);
    const created = rows.rows[0];
    if (!created) throw new ScheduledPriceInPastError();
    await recordAudit(tx, {
      actor,
      entity: 'scheduled_price',
      entityId: created.id,
      productId: sku.productId,
      action: 'schedule',
      before: { skuId: s.skuId, priceCents: sku.priceCents },
      after: { skuId: s.skuId, priceCents: s.priceCents, effectiveAt: s.effectiveAt.toISOString() },
    });
    return { id: Number(created.id) };
  });
}

/** Cancels a change not yet applied; an applied or cancelled one is refused, saying which. */
export async function cancelScheduledPriceChange(actor: AuditActor, id: number): Promise<void> {
  await transaction(async (tx) => {
    const [cancelled] = await tx
      .update(scheduledPriceChanges)
      .set({ cancelledAt: sql`now()` })
      .where(and(eq(scheduledPriceChanges.id, id), isNull(scheduledPriceChanges.appliedAt), isNull(scheduledPriceChanges.cancelledAt)))
      .returning({ skuId: scheduledPriceChanges.skuId, priceCents: scheduledPriceChanges.priceCents, effectiveAt: scheduledPriceChanges.effectiveAt });
    if (!cancelled) {
      const [row] = await tx.select({ appliedAt: scheduledPriceChanges.appliedAt }).from(scheduledPriceChanges).where(eq(scheduledPriceChanges.id, id));
      if (!row) throw new CatalogNotFoundError('scheduled_price');
      throw new ScheduledPriceClosedError(row.appliedAt ? 'applied' : 'cancelled');
    }
    const [sku] = await tx.select({ productId: skus.productId }).from(skus).where(eq(skus.id, cancelled.skuId));
    await recordAudit(tx, {
      actor,
      entity: 'scheduled_price',
      entityId: id,
      productId: sku?.productId ?? null,
      action: 'cancel',
      before: { skuId: cancelled.skuId, priceCents: cancelled.priceCents, effectiveAt: cancelled.effectiveAt.toISOString() },
      after: null,
    });
  });
}

/**
 * Applies the changes whose moment has come, a batch at a time, oldest first: each claimed, its
 * SKU's price written and audited in one transaction. Two changes of one SKU due together: the
 * later one's price stays. Safe on every process at once (SKIP LOCKED, the claim's condition).
 */
export async function applyDuePriceChanges({ limit = 100 }: { limit?: number } = {}): Promise<{ applied: number }> {
  return transaction(async (tx) => {
    // Raw SQL: the claim — UPDATE … FROM (SELECT … FOR UPDATE SKIP LOCKED) — which the builder cannot say.
    const claimed = await tx.execute<{ id: number; sku_id: number; price_cents: number; effective_at: string }>(sql`
      UPDATE ${scheduledPriceChanges} s SET applied_at = now()
      FROM (
        SELECT id FROM ${scheduledPriceChanges}
        WHERE applied_at IS NULL AND cancelled_at IS NULL AND effective_at <= now()
        ORDER BY effective_at, id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      ) due
      WHERE s.id = due.id AND s.applied_at IS NULL AND s.cancelled_at IS NULL
      RETURNING s.id, s.sku_id, s.price_cents, s.effective_at`);
    const changes = [...claimed.rows].sort((a, b) => new Date(a.effective_at).getTime() - new Date(b.effective_at).getTime() || a.id - b.id);
    for (const c of changes) {
      const [before] = await tx.select({ productId: skus.productId, priceCents: skus.priceCents }).from(skus).where(eq(skus.id, c.sku_id)).for('update');
      if (!before) continue; // the SKU is gone (its changes cascade away with it)
      await tx.update(skus).set({ priceCents: c.price_cents }).where(eq(skus.id, c.sku_id));
      await recordAudit(tx, {
        actor: { type: 'job' },
        entity: 'sku',
        entityId: c.sku_id,
        productId: before.productId,
        action: 'apply',
        before: { priceCents: before.priceCents },
        after: { priceCents: c.price_cents, scheduledPriceId: Number(c.id) },
      });
    }
    return { applied: changes.length };
  });
}
