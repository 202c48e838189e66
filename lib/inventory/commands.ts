import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { transaction, type Db } from '@/lib/db';
import { DomainError, PG_FOREIGN_KEY_VIOLATION, pgErrorCode } from '@/lib/errors';
import { stock, stockMovements } from './schema';

/*
 * Stock writes by staff: deliveries received and shelf counts. Each command is one transaction
 * that records its movement (the audit row) and changes `stock` with SQL that enforces the
 * invariant itself, so two tills or two handhelds racing cannot break it. Every change is an
 * INSERT or UPDATE on `stock`, so the database trigger announces it on channel 'stock'.
 */

export const MAX_RECEIVE_QUANTITY = 10_000;
export const MAX_COUNTED_ON_HAND = 100_000;

export class InvalidQuantityError extends DomainError {
  constructor(
    readonly min: number,
    readonly max: number,
  ) {
    super('invalid_quantity', `Enter a whole number from ${min} to ${max}.`);
  }
}

export class ReservedExceedsCountError extends DomainError {
  constructor(
    readonly reserved: number,
    readonly counted: number,
  ) {
    super('reserved_exceeds_count', `${reserved} ${reserved === 1 ? 'unit is' : 'units are'} reserved for customers; the count cannot be below ${reserved}.`);
  }
}

export class UnknownStockItemError extends DomainError {
  constructor() {
    super('unknown_stock_item', 'This product or location does not exist.');
  }
}

/** The key was already used for a different change: refusing beats replaying someone else's result. */
export class IdempotencyKeyReusedError extends DomainError {
  constructor() {
    super('idempotency_key_reused', 'This request was already used for another change. Reload the page and try again.');
  }
}

export type StockChange = {
  movementId: number;
  kind: 'receive' | 'count';
  locationId: number;
  skuId: number;
  /** Units added (receive) or the correction applied (count, may be negative or zero). */
  delta: number;
  onHandAfter: number;
  at: Date;
  /** True when this call repeated an earlier request with the same key and changed nothing. */
  replayed: boolean;
};

const movement = {
  movementId: stockMovements.id,
  kind: stockMovements.kind,
  locationId: stockMovements.locationId,
  skuId: stockMovements.skuId,
  delta: stockMovements.onHandDelta,
  onHandAfter: stockMovements.onHandAfter,
  at: stockMovements.createdAt,
};

function assertWhole(value: number, min: number, max: number): void {
  if (!Number.isSafeInteger(value) || value < min || value > max) throw new InvalidQuantityError(min, max);
}

type MovementInput = { kind: 'receive' | 'count'; locationId: number; skuId: number; actorId: number | null; note?: string | null; idempotencyKey: string };

/**
 * Claims the idempotency key by inserting the movement first. A concurrent request with the same
 * key waits on the unique index and then inserts nothing; it returns the movement that won, so a
 * double-submitted form or a retried request has exactly one effect.
 */
async function claimMovement(tx: Db, m: MovementInput): Promise<{ id: number } | { replay: StockChange }> {
  const [claimed] = await tx
    .insert(stockMovements)
    .values({
      locationId: m.locationId,
      skuId: m.skuId,
      kind: m.kind,
      onHandDelta: 0,
      onHandAfter: 0,
      actorId: m.actorId,
      note: m.note?.trim() || null,
      idempotencyKey: m.idempotencyKey,
    })
    .onConflictDoNothing({ target: stockMovements.idempotencyKey })
    .returning({ id: stockMovements.id });
  if (claimed) return { id: claimed.id };

  const [row] = await tx.select(movement).from(stockMovements).where(eq(stockMovements.idempotencyKey, m.idempotencyKey));
  if (!row || row.kind !== m.kind || row.locationId !== m.locationId || row.skuId !== m.skuId) {
    throw new IdempotencyKeyReusedError();
  }
  return { replay: { ...row, kind: m.kind, replayed: true } };
}

async function finishMovement(tx: Db, kind: StockChange['kind'], id: number, delta: number, onHandAfter: number): Promise<StockChange> {
  const [row] = await tx.update(stockMovements).set({ onHandDelta: delta, onHandAfter }).where(eq(stockMovements.id, id)).returning(movement);
  if (!row) throw new Error(`stock movement ${id} vanished inside its own transaction`);
  return { ...row, kind, replayed: false };
}

/** A movement naming a location or SKU that does not exist breaks a foreign key: that, said plainly. */
function stockRefusal(err: unknown): unknown {
  return pgErrorCode(err) === PG_FOREIGN_KEY_VIOLATION ? new UnknownStockItemError() : err;
}

export type ReceiveGoodsInput = {
  locationId: number;
  skuId: number;
  quantity: number;
  actorId: number | null;
  note?: string | null;
  idempotencyKey: string;
};

/** A delivery arrived: on_hand grows by `quantity`, creating the stock row on first delivery. */
export async function receiveGoods(input: ReceiveGoodsInput): Promise<StockChange> {
  assertWhole(input.quantity, 1, MAX_RECEIVE_QUANTITY);
  return transaction({ refusal: stockRefusal }, async (tx) => {
    const claim = await claimMovement(tx, { ...input, kind: 'receive' });
    if ('replay' in claim) return claim.replay;
    // Additive in SQL: concurrent deliveries each add their own units, none is lost.
    const [row] = await tx
      .insert(stock)
      .values({ locationId: input.locationId, skuId: input.skuId, onHand: input.quantity, reserved: 0 })
      .onConflictDoUpdate({ target: [stock.locationId, stock.skuId], set: { onHand: sql`${stock.onHand} + excluded.on_hand` } })
      .returning({ onHand: stock.onHand });
    if (!row) throw new Error('stock upsert returned no row');
    return finishMovement(tx, 'receive', claim.id, input.quantity, row.onHand);
  });
}

export type CorrectCountInput = {
  locationId: number;
  skuId: number;
  countedOnHand: number;
  actorId: number | null;
  note?: string | null;
  idempotencyKey: string;
};

/**
 * A shelf count: on_hand becomes the counted figure, unless customers hold more reservations than
 * that — those units were promised, so the count is refused rather than breaking the promise.
 */
export async function correctCount(input: CorrectCountInput): Promise<StockChange> {
  assertWhole(input.countedOnHand, 0, MAX_COUNTED_ON_HAND);
  const { locationId, skuId, countedOnHand } = input;
  return transaction({ refusal: stockRefusal }, async (tx) => {
    const claim = await claimMovement(tx, { ...input, kind: 'count' });
    if ('replay' in claim) return claim.replay;

    // A second pass happens only when another writer created the row while we looked for it.
    for (let attempt = 0; attempt < 3; attempt++) {
      // The invariant lives in the WHERE clause, re-evaluated on the latest row version under
      // the row lock; `before` is read with FOR UPDATE in the same statement for the audit delta.
      // Raw SQL: a CTE reads the row FOR UPDATE, the UPDATE's WHERE holds the invariant, RETURNING gives both figures.
      const updated = await tx.execute<{ before: number; on_hand: number }>(sql`
        WITH before AS (
          SELECT on_hand FROM stock WHERE location_id = ${locationId} AND sku_id = ${skuId} FOR UPDATE
        )
        UPDATE stock s SET on_hand = ${countedOnHand}
        FROM before
        WHERE s.location_id = ${locationId} AND s.sku_id = ${skuId} AND s.reserved <= ${countedOnHand}
        RETURNING before.on_hand AS before, s.on_hand`);
      const row = updated.rows[0];
      if (row) return finishMovement(tx, 'count', claim.id, row.on_hand - row.before, row.on_hand);

      const [existing] = await tx
        .select({ reserved: stock.reserved })
        .from(stock)
        .where(and(eq(stock.locationId, locationId), eq(stock.skuId, skuId)));
      // The row may have been created by a delivery that committed after our UPDATE's snapshot:
      // then only a reservation above the count is a refusal; otherwise the next pass updates it.
      if (existing && existing.reserved > countedOnHand) throw new ReservedExceedsCountError(existing.reserved, countedOnHand);
      if (existing) continue;

      const [created] = await tx
        .insert(stock)
        .values({ locationId, skuId, onHand: countedOnHand, reserved: 0 })
        .onConflictDoNothing({ target: [stock.locationId, stock.skuId] })
        .returning({ onHand: stock.onHand });
      if (created) return finishMovement(tx, 'count', claim.id, created.onHand, created.onHand);
    }
    throw new Error('stock row for a count kept changing; try again');
  });
}
