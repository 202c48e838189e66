import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db';

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
    const claimed = await tx.execute<{ id: number }>(sql`
      INSERT INTO stock_movements (location_id, sku_id, kind, on_hand_delta, on_hand_after, actor_id, note, idempotency_key)
      VALUES (${locationId}, ${skuId}, 'return', ${quantity}, 0, ${audit.actorId}, ${audit.note}, ${`${audit.key}:${skuId}`})
      ON CONFLICT (idempotency_key) DO NOTHING
      RETURNING id`);
    const movementId = claimed.rows[0]?.id;
    if (movementId === undefined) continue;
    const stock = await tx.execute<{ on_hand: number }>(sql`
      INSERT INTO stock (location_id, sku_id, on_hand, reserved)
      VALUES (${locationId}, ${skuId}, ${quantity}, 0)
      ON CONFLICT (location_id, sku_id) DO UPDATE SET on_hand = stock.on_hand + excluded.on_hand
      RETURNING on_hand`);
    const onHandAfter = stock.rows[0]!.on_hand;
    await tx.execute(sql`UPDATE stock_movements SET on_hand_after = ${onHandAfter} WHERE id = ${movementId}`);
    done.push({ skuId, quantity, onHandAfter, movementId });
  }
  return done;
}
