import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { stock, stockMovements } from './schema';

/*
 * Returned units back on a shop's shelf (lib/returns, at the returns desk). Runs inside the
 * caller's transaction, so the units go back together with the return's check-in or not at all.
 * Additive in SQL (on_hand = on_hand + n, creating the row when this shop never stocked the item),
 * so concurrent writers each add their own units; every change fires the stock trigger, so open
 * product pages show the new figure live.
 */

export type RestockLine = { skuId: number; quantity: number };

export type RestockedUnit = { skuId: number; quantity: number; onHandAfter: number; movementId: number };

/**
 * Puts `lines` back into `locationId`'s on-hand stock and writes one 'return' movement per SKU,
 * keyed `${audit.key}:${skuId}`: a second call with the same key finds its movements and adds
 * nothing (the caller's own state check is the first guard; this is the second).
 */
export async function restockReturnedUnits(
  tx: Db,
  locationId: number,
  lines: RestockLine[],
  audit: { actorId: number | null; note: string; key: string },
): Promise<RestockedUnit[]> {
  const totals = new Map<number, number>();
  for (const l of lines) {
    if (!Number.isSafeInteger(l.quantity) || l.quantity <= 0) throw new Error('restockReturnedUnits: quantities must be positive whole numbers');
    totals.set(l.skuId, (totals.get(l.skuId) ?? 0) + l.quantity);
  }
  const done: RestockedUnit[] = [];
  // SKU order: two desks restocking the same items queue on the rows instead of deadlocking.
  for (const skuId of [...totals.keys()].sort((a, b) => a - b)) {
    const quantity = totals.get(skuId)!;
    const [claimed] = await tx
      .insert(stockMovements)
      .values({
        locationId,
        skuId,
        kind: 'return',
        onHandDelta: quantity,
        onHandAfter: 0,
        actorId: audit.actorId,
        note: audit.note,
        idempotencyKey: `${audit.key}:${skuId}`,
      })
      .onConflictDoNothing({ target: stockMovements.idempotencyKey })
      .returning({ id: stockMovements.id });
    if (!claimed) continue;
    const movementId = claimed.id;
    const [row] = await tx
      .insert(stock)
      .values({ locationId, skuId, onHand: quantity, reserved: 0 })
      .onConflictDoUpdate({ target: [stock.locationId, stock.skuId], set: { onHand: sql`${stock.onHand} + excluded.on_hand` } })
      .returning({ onHand: stock.onHand });
    const onHandAfter = row!.onHand;
    await tx.update(stockMovements).set({ onHandAfter }).where(eq(stockMovements.id, movementId));
    done.push({ skuId, quantity, onHandAfter, movementId });
  }
  return done;
}
