import 'server-only';
import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { transaction, type Db } from '@/lib/db';
import { skuRowsSql } from '@/lib/catalog/read';
import { holdStock, releaseStock, takeHeldStock, type HoldLine } from '@/lib/inventory/holds';
import { NothingToHandOverError, OrderLineNotFoundError, OrderNotFoundError, OrderStateError, PickRefusedError, SubstituteNotAllowedError } from './errors';
import { addEvent, lockOrder, named, notifyDrive, type OrderRow, type StaffOrderInput, type StaffOrderResult } from './order-lock';
import { orderLines, orders, type SubstituteAnswer } from './schema';
import { creditStoreCredit } from '@/lib/wallet/commands';

/*
 * The drive's picking step. Each line of an order is picked whole, short (the units found) or
 * with a substitute for the missing units (another SKU of the same department that this store
 * has, held in stock from the proposal on). The shopper accepts or refuses each substitute until
 * handover; one left unanswered is settled at handover by the preference they chose at checkout.
 *
 * Money: a substitute is charged at its own price, capped at the original's unit price (the
 * shop's choice, as French drives do: "same price or less"), so an order's total can only fall
 * at picking and a card capture never asks for more than the authorisation (a CHECK in the
 * database holds it). Refused and missing units are not charged.
 *
 * Stock: the original's units stay held until handover; a proposed substitute is held too
 * (holdStock, so two orders cannot promise the shelf's last unit) and given back when refused. At
 * handover only what leaves the shelf is taken (lib/inventory/holds.ts takeHeldStock); the rest
 * of the holds go back.
 *
 * Each step is one transaction under the order's row lock (lib/orders/order-lock.ts), the same
 * lock the handover takes: an answer and a handover racing each other are applied one after the
 * other, never half of each. A retried step writes the same row again.
 */

type LineRow = typeof orderLines.$inferSelect;

/** Picking happens before the order is ready; answers come while it is prepared or waits at the drive. */
const PICKABLE = new Set(['placed', 'preparing']);
const ANSWERABLE = new Set(['preparing', 'ready']);

async function lockLine(tx: Db, orderId: number, lineId: number): Promise<LineRow> {
  if (!Number.isSafeInteger(lineId)) throw new OrderLineNotFoundError();
  const [line] = await tx
    .select()
    .from(orderLines)
    .where(and(eq(orderLines.id, lineId), eq(orderLines.orderId, orderId), isNull(orderLines.substituteForLineId)))
    .for('update');
  if (!line) throw new OrderLineNotFoundError();
  return line;
}

/** The units a line's substitute holds: the missing ones, while the shopper has not refused it. */
function heldSubstitute(line: Pick<LineRow, 'quantity' | 'pickedQuantity' | 'substituteSkuId' | 'substituteAnswer'>): HoldLine | null {
  if (line.substituteSkuId === null || line.substituteAnswer === 'refused') return null;
  return { skuId: line.substituteSkuId, quantity: line.quantity - (line.pickedQuantity ?? line.quantity) };
}

/** Every unit an open order holds in stock: its lines' and its proposed substitutes'. What a cancellation gives back. */
export async function heldUnits(tx: Db, orderId: number): Promise<HoldLine[]> {
  const lines = await tx
    .select()
    .from(orderLines)
    .where(and(eq(orderLines.orderId, orderId), isNull(orderLines.substituteForLineId)));
  return [...lines.map((l) => ({ skuId: l.skuId, quantity: l.quantity })), ...lines.map(heldSubstitute).filter((h) => h !== null)];
}

/**
 * What a substitute unit costs the shopper, or SubstituteNotAllowedError: another SKU on sale, of
 * the original's department. The cap at the original's price is applied here and checked again
 * by the database. Raw SQL: the catalogue's row source (lib/catalog/read.ts), joined twice.
 */
async function substitutePrice(tx: Db, line: LineRow, substituteSkuId: number): Promise<number> {
  const r = await tx.execute<{ price_cents: number }>(sql`
    SELECT LEAST(k.price_cents, ${line.unitPriceCents}) AS price_cents
    FROM ${skuRowsSql} k JOIN ${skuRowsSql} o ON o.id = ${line.skuId}
    WHERE k.id = ${substituteSkuId} AND k.id <> o.id AND k.category_id = o.category_id AND k.withdrawn_at IS NULL`);
  const row = r.rows[0];
  if (!row) throw new SubstituteNotAllowedError();
  return Number(row.price_cents);
}

export type PickInput = StaffOrderInput & {
  lineId: number;
  /** Units of the ordered SKU found on the shelf, 0 to the line's quantity. */
  found: number;
  /** Another SKU for the missing units, or null (the line is then short, or picked whole). */
  substituteSkuId: number | null;
};

/**
 * Records one line's picking: picked whole, short, or with a substitute proposed for the missing
 * units. A placed order starts being prepared. Picking a line again replaces its proposal (the
 * previous substitute's units go back, the shopper's answer is asked again).
 */
export async function pickLine(input: PickInput): Promise<StaffOrderResult> {
  return transaction(async (tx) => {
    const order = await lockOrder(tx, input);
    if (order.mode !== 'drive') throw new OrderNotFoundError();
    if (!PICKABLE.has(order.status)) throw new OrderStateError(order.status, 'picked');
    const line = await lockLine(tx, order.id, input.lineId);
    if (!Number.isSafeInteger(input.found) || input.found < 0 || input.found > line.quantity) throw new PickRefusedError('found');
    const substitute = input.substituteSkuId;
    if (substitute !== null && input.found === line.quantity) throw new PickRefusedError('nothing_missing');

    // The same pick again (a retried request, a second tap) changes nothing, the shopper's answer included.
    if (line.pickedQuantity === input.found && line.substituteSkuId === substitute) return named(order);

    const previous = heldSubstitute(line);
    if (previous) await releaseStock(tx, order.location_id, [previous]);
    const price = substitute === null ? null : await substitutePrice(tx, line, substitute);
    // What this store has: the missing units of the substitute are held now, or the proposal is refused.
    if (substitute !== null) await holdStock(tx, order.location_id, [{ skuId: substitute, quantity: line.quantity - input.found }]);
    await tx
      .update(orderLines)
      .set({ pickedQuantity: input.found, substituteSkuId: substitute, substituteUnitPriceCents: price, substituteAnswer: null, substituteAnsweredBy: null })
      .where(eq(orderLines.id, line.id));

    if (order.status === 'placed') {
      await tx
        .update(orders)
        .set({ status: 'preparing', updatedAt: sql`now()` })
        .where(eq(orders.id, order.id));
      await addEvent(tx, order.id, 'preparing', input.actorId);
    } else {
      await tx
        .update(orders)
        .set({ updatedAt: sql`now()` })
        .where(eq(orders.id, order.id));
    }
    if (substitute !== null) await addEvent(tx, order.id, 'substitute_proposed', input.actorId, String(line.id));
    await notifyDrive(tx, order.location_id, order.id);
    return named(order);
  });
}

export type AnswerInput = { orderId: number; customerId: number; lineId: number; answer: SubstituteAnswer };

/**
 * The shopper accepts or refuses one proposed substitute (their own order only: the lock reads it
 * with their id), while the order is prepared or waits at the drive. The same answer again changes
 * nothing; the other answer may still be given until handover (refused units go back to the
 * shelf; accepted again, they are held again, if still there).
 */
export async function answerSubstitute(input: AnswerInput): Promise<{ number: string; answer: SubstituteAnswer }> {
  return transaction(async (tx) => {
    const order = await lockOrder(tx, { orderId: input.orderId, customerId: input.customerId });
    if (order.mode !== 'drive') throw new OrderNotFoundError();
    if (!ANSWERABLE.has(order.status)) throw new OrderStateError(order.status, 'changed');
    const line = await lockLine(tx, order.id, input.lineId);
    if (line.substituteSkuId === null) throw new OrderLineNotFoundError();
    if (line.substituteAnswer === input.answer) return { number: order.number, answer: input.answer };

    const units: HoldLine = { skuId: line.substituteSkuId, quantity: line.quantity - (line.pickedQuantity ?? 0) };
    if (input.answer === 'refused') await releaseStock(tx, order.location_id, [units]);
    else if (line.substituteAnswer === 'refused') await holdStock(tx, order.location_id, [units]);
    await tx.update(orderLines).set({ substituteAnswer: input.answer, substituteAnsweredBy: 'shopper' }).where(eq(orderLines.id, line.id));
    await tx
      .update(orders)
      .set({ updatedAt: sql`now()` })
      .where(eq(orders.id, order.id));
    await addEvent(tx, order.id, input.answer === 'accepted' ? 'substitute_accepted' : 'substitute_refused', input.customerId, String(line.id));
    await notifyDrive(tx, order.location_id, order.id);
    return { number: order.number, answer: input.answer };
  });
}

/**
 * At handover, inside its transaction and under the order's lock: unanswered proposals take the
 * shopper's checkout preference; what leaves the shelf is taken from stock (the picked units and
 * the accepted substitutes, each written as a sale), every other held unit goes back; an accepted
 * substitute becomes a line of its own (what returns and receipts read); and the order's totals
 * become what was handed over. Refuses (NothingToHandOverError) when nothing, or less than the
 * points discount, would be handed over: that order is cancelled instead.
 */
export async function settlePicking(
  tx: Db,
  order: OrderRow,
  audit: { actorId: number; note: string },
): Promise<{ subtotalCents: number; totalCents: number; walletCents: number }> {
  await tx
    .update(orderLines)
    .set({ substituteAnswer: order.substitutes_welcome ? 'accepted' : 'refused', substituteAnsweredBy: 'preference' })
    .where(and(eq(orderLines.orderId, order.id), isNotNull(orderLines.substituteSkuId), isNull(orderLines.substituteAnswer)));
  const lines = await tx
    .select()
    .from(orderLines)
    .where(and(eq(orderLines.orderId, order.id), isNull(orderLines.substituteForLineId)))
    .orderBy(asc(orderLines.id));

  const take: HoldLine[] = [];
  const release: HoldLine[] = [];
  for (const l of lines) {
    const found = l.pickedQuantity ?? l.quantity;
    if (found > 0) take.push({ skuId: l.skuId, quantity: found });
    if (found < l.quantity) release.push({ skuId: l.skuId, quantity: l.quantity - found });
    if (l.substituteSkuId === null) continue;
    const units = { skuId: l.substituteSkuId, quantity: l.quantity - found };
    if (l.substituteAnswer === 'accepted') take.push(units);
    // Refused by the shopper: already given back when they said so. Refused by their preference: now.
    else if (l.substituteAnsweredBy === 'preference') release.push(units);
  }
  await takeHeldStock(tx, order.location_id, take, audit);
  await releaseStock(tx, order.location_id, release);

  const accepted = lines.filter((l) => l.substituteSkuId !== null && l.substituteAnswer === 'accepted');
  if (accepted.length > 0) {
    await tx.insert(orderLines).values(
      accepted.map((l) => ({
        orderId: order.id,
        skuId: l.substituteSkuId!,
        quantity: l.quantity - (l.pickedQuantity ?? 0),
        unitPriceCents: l.substituteUnitPriceCents!,
        substituteForLineId: l.id,
      })),
    );
  }

  // The goods handed over, summed by the database from the lines just written; the points
  // discount must stay below them (the orders CHECKs), and the card hold above (orders_within_authorisation).
  const goods = sql<number>`(SELECT COALESCE(SUM(CASE WHEN ${orderLines.substituteForLineId} IS NULL
      THEN COALESCE(${orderLines.pickedQuantity}, ${orderLines.quantity}) ELSE ${orderLines.quantity} END * ${orderLines.unitPriceCents}), 0)::int
    FROM ${orderLines} WHERE ${orderLines.orderId} = ${order.id})`;
  // The wallet paid when the order was placed: it keeps at most what was handed over, and the rest
  // goes back to it as store credit (below), as a refund of a wallet-paid order does.
  const total = sql`${goods} + ${orders.deliveryCents} - ${orders.discountCents}`;
  const [totals] = await tx
    .update(orders)
    .set({ subtotalCents: goods, totalCents: total, walletCents: sql`LEAST(${orders.walletCents}, ${total})`, updatedAt: sql`now()` })
    .where(and(eq(orders.id, order.id), sql`${goods} > ${orders.discountCents}`))
    .returning({ subtotalCents: orders.subtotalCents, totalCents: orders.totalCents, walletCents: orders.walletCents });
  if (!totals) throw new NothingToHandOverError();
  const walletBack = order.wallet_cents - totals.walletCents;
  if (walletBack > 0) {
    await creditStoreCredit(tx, {
      customerId: order.customer_id,
      amountCents: walletBack,
      kind: 'refund',
      key: `order:${order.id}:handover:wallet`,
      orderId: order.id,
    });
  }
  return totals;
}
