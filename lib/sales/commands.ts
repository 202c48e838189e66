import 'server-only';
import { and, eq } from 'drizzle-orm';
import { isShopper } from '@/lib/auth/read';
import { assertStaffOfStore } from '@/lib/auth/staff-access';
import { skuPrices } from '@/lib/catalog/read';
import { getDb, transaction, type Db } from '@/lib/db';
import { IdempotencyKeyReusedError } from '@/lib/inventory/commands';
import { sellFromShelf } from '@/lib/inventory/holds';
import { earnPoints, redeemPoints } from '@/lib/loyalty/commands';
import { discountForPoints, getLoyaltyRules } from '@/lib/loyalty/config';
import { NotAMemberError } from '@/lib/loyalty/errors';
import { planWalletPayment, takeWalletPayment, type WalletChoice, type WalletPlan } from '@/lib/wallet/pay';
import { TILL_MAX_LINES, TILL_MAX_UNITS_PER_LINE } from './config';
import {
  CardRequiredForRedemptionError,
  InvalidTicketError,
  RedemptionExceedsTotalError,
  TillTotalChangedError,
  UnknownCustomerError,
  UnknownTillItemError,
} from './errors';
import { salePayments, saleLines, sales } from './schema';
import { authoriseTillCard, captureTillCard, insertPayments, planTender, voidTillCard, type CardHold, type TenderInput } from './tender';

export type { TenderInput } from './tender';

export type SaleLineInput = { skuId: number; quantity: number; unitPriceCents: number };

/**
 * Records a shop sale against the customer, inside the caller's transaction (the stock change and
 * the sale commit together). A reservation is sold at most once: `sales.reservation_id` is unique.
 */
export async function recordStoreSale(
  tx: Db,
  sale: { storeId: number; customerId: number | null; staffId: number | null; reservationId: number | null; lines: SaleLineInput[] },
): Promise<{ saleId: number; totalCents: number }> {
  const totalCents = sale.lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0);
  const [inserted] = await tx
    .insert(sales)
    .values({
      channel: 'store',
      storeId: sale.storeId,
      customerId: sale.customerId,
      staffId: sale.staffId,
      source: sale.reservationId === null ? 'till' : 'reservation',
      reservationId: sale.reservationId,
      totalCents,
    })
    .returning({ id: sales.id });
  const saleId = inserted!.id;
  await insertLines(tx, saleId, sale.lines);
  return { saleId, totalCents };
}

/** A sale's lines, in the order given. */
async function insertLines(tx: Db, saleId: number, lines: SaleLineInput[]): Promise<void> {
  if (lines.length > 0) await tx.insert(saleLines).values(lines.map((l) => ({ saleId, ...l })));
}

export type TillLineInput = { skuId: number; quantity: number };

export type RingUpSaleInput = {
  storeId: number;
  /** The signed-in staff member, from the session: checked against the store here. */
  staffId: number;
  customerId: number | null;
  /**
   * How the till identified the customer (lib/sales/customer-pass.ts). Points are redeemed only
   * on a presented card: an email anyone could type spends nobody's points. Absent counts as email.
   */
  identifiedBy?: 'card' | 'email';
  lines: TillLineInput[];
  /** One per ticket, drawn when the ticket opens: a double-submit or a retry finds the first sale. */
  idempotencyKey: string;
  /** Loyalty points taken off this ticket (a multiple of the redemption step); 0 or absent for none. */
  redeemPoints?: number;
  /** How the rest is paid, after the wallet's part: card, cash (what was handed over) or both. */
  tender: TenderInput;
  /**
   * The wallet's part (lib/wallet/pay.ts, web checkout's plan too): a gift card's scanned code, and
   * the customer's store credit — only on a presented loyalty card, as points are.
   */
  wallet?: WalletChoice;
};

export type RungUpSale = {
  saleId: number;
  subtotalCents: number;
  discountCents: number;
  totalCents: number;
  pointsRedeemed: number;
  pointsEarned: number;
  /** True when the key had already been used: nothing was sold a second time. */
  replayed: boolean;
};

function validKey(idempotencyKey: string): string {
  const key = typeof idempotencyKey === 'string' ? idempotencyKey.trim() : '';
  if (key.length < 8 || key.length > 100) throw new InvalidTicketError('This ticket has no valid reference. Reload the till and try again.');
  return key;
}

function validateTicket(input: RingUpSaleInput): TillLineInput[] {
  if (input.lines.length === 0) throw new InvalidTicketError('The ticket is empty: scan or search an item first.');
  if (input.lines.length > TILL_MAX_LINES) throw new InvalidTicketError(`A ticket holds at most ${TILL_MAX_LINES} lines.`);
  const merged = new Map<number, number>();
  for (const l of input.lines) {
    if (!Number.isSafeInteger(l.skuId) || l.skuId <= 0 || l.skuId > 2_147_483_647) throw new UnknownTillItemError(l.skuId);
    if (!Number.isSafeInteger(l.quantity) || l.quantity < 1 || l.quantity > TILL_MAX_UNITS_PER_LINE) {
      throw new InvalidTicketError(`Enter a quantity from 1 to ${TILL_MAX_UNITS_PER_LINE}.`);
    }
    merged.set(l.skuId, (merged.get(l.skuId) ?? 0) + l.quantity);
  }
  for (const quantity of merged.values()) {
    if (quantity > TILL_MAX_UNITS_PER_LINE) throw new InvalidTicketError(`Enter a quantity from 1 to ${TILL_MAX_UNITS_PER_LINE}.`);
  }
  return [...merged].map(([skuId, quantity]) => ({ skuId, quantity }));
}

const SALE_COLUMNS = {
  saleId: sales.id,
  storeId: sales.storeId,
  totalCents: sales.totalCents,
  discountCents: sales.discountCents,
  pointsRedeemed: sales.pointsRedeemed,
  pointsEarned: sales.pointsEarned,
};

type SaleRow = { saleId: number; storeId: number; totalCents: number; discountCents: number; pointsRedeemed: number; pointsEarned: number };

function toRungUp({ storeId: _, ...row }: SaleRow, replayed: boolean): RungUpSale {
  return { ...row, subtotalCents: row.totalCents + row.discountCents, replayed };
}

/**
 * The sale a ticket's key already made, from the database (so also after a restart), or null; for
 * staff of the store it was sold in (a key from another shop's ticket is refused, not shown). Asked
 * before anything about the present — the customer pass, the lines on the screen, the stock — so a
 * second "Take payment" of one ticket replays its sale, whatever the screen shows.
 */
export async function findTillSale(input: { storeId: number; staffId: number; idempotencyKey: string }): Promise<RungUpSale | null> {
  const key = validKey(input.idempotencyKey);
  await assertStaffOfStore(input.staffId, input.storeId);
  const db = await getDb();
  const [first] = await db.select(SALE_COLUMNS).from(sales).where(eq(sales.idempotencyKey, key));
  const replay = replayOf(first, input.storeId);
  // A card hold whose capture was lost after the commit is taken now (once: the provider's key).
  if (replay) await captureTillCard(db, replay.saleId, key);
  return replay;
}

/**
 * What the ticket will cost, before any card is held: the catalogue's prices less the points'
 * discount. The sale's transaction prices it again and refuses a different total, so a price that
 * moved in between is never charged on a stale amount.
 */
async function quoteTicket(lines: TillLineInput[], pointsToRedeem: number): Promise<number> {
  const skuIds = lines.map((l) => l.skuId);
  const priceOf = await skuPrices(await getDb(), skuIds);
  const missing = skuIds.find((id) => !priceOf.has(id));
  if (missing !== undefined) throw new UnknownTillItemError(missing);
  const subtotal = lines.reduce((sum, l) => sum + priceOf.get(l.skuId)! * l.quantity, 0);
  // Points worth more than the ticket (or more than the balance) are refused by the sale itself, in
  // the order it checks them; nothing is held for such a ticket.
  return Math.max(0, subtotal - discountForPoints(getLoyaltyRules(), pointsToRedeem));
}

function replayOf(row: SaleRow | undefined, storeId: number): RungUpSale | null {
  if (!row) return null;
  if (row.storeId !== storeId) throw new IdempotencyKeyReusedError();
  return toRungUp(row, true);
}

/**
 * A ticket at the till, in one transaction: the key is claimed first (the sale row, unique key),
 * prices come from the catalogue (the web's price today, never the client's), each line leaves
 * the shelf through a conditional UPDATE (`on_hand - reserved >= n`: two tills selling the last
 * unit make one sale; the other hears OutOfStockError naming the SKU), then the lines and totals
 * are written, points redeemed (a discount) and earned on what was paid. Any refusal rolls all of it back. A second call with the same key waits for the
 * first (unique index) and returns its sale, sold once.
 */
export async function ringUpSale(input: RingUpSaleInput): Promise<RungUpSale> {
  const key = validKey(input.idempotencyKey);
  // Staff of this store, decided from the database (the page that rendered the till proves nothing); then a replay.
  const replay = await findTillSale({ storeId: input.storeId, staffId: input.staffId, idempotencyKey: key });
  if (replay) return replay;
  const lines = validateTicket(input);
  const pointsToRedeem = input.redeemPoints ?? 0;
  if (!Number.isSafeInteger(pointsToRedeem) || pointsToRedeem < 0) throw new InvalidTicketError('Points to redeem must be a whole number.');
  if (pointsToRedeem > 0 && input.customerId === null) throw new NotAMemberError();
  if (pointsToRedeem > 0 && input.identifiedBy !== 'card') throw new CardRequiredForRedemptionError();
  const quoted = await quoteTicket(lines, pointsToRedeem);
  // The wallet pays first; short cash for the rest is refused before a card is touched; the card's part is held before the sale is written.
  const walletOwner = input.identifiedBy === 'card' ? input.customerId : null;
  const wallet = await planWalletPayment(await getDb(), input.wallet, { customerId: walletOwner, totalCents: quoted });
  const plan = planTender(input.tender, wallet.restCents);
  const hold = plan.card ? await authoriseTillCard(plan.card, { ticketKey: key, storeId: input.storeId, customerId: input.customerId }) : null;
  let sale: RungUpSale & { cardReference?: string | null };
  try {
    sale = await sellTicket(input, key, lines, pointsToRedeem, quoted, { tender: plan, wallet, walletOwner }, hold);
  } catch (err) {
    // Nothing was sold (stock, points, a moved price): the hold must not stay on the card.
    if (hold) await voidTillCard(hold);
    throw err;
  }
  if (sale.replayed) {
    // The same ticket sent twice at once: the other request sold it. Its hold is the same one
    // (same key, card and amount) unless another card was typed, which is let go.
    if (hold && sale.cardReference !== hold.reference) await voidTillCard(hold);
  }
  const { cardReference: _, ...answer } = sale;
  await captureTillCard(await getDb(), answer.saleId, key);
  return answer;
}

async function sellTicket(
  input: RingUpSaleInput,
  key: string,
  lines: TillLineInput[],
  pointsToRedeem: number,
  quoted: number,
  paid: { tender: ReturnType<typeof planTender>; wallet: WalletPlan; walletOwner: number | null },
  hold: CardHold | null,
): Promise<RungUpSale & { cardReference?: string | null }> {
  return transaction(async (tx) => {
    if (input.customerId !== null) {
      if (!(await isShopper(tx, input.customerId))) throw new UnknownCustomerError();
    }
    const [claimed] = await tx
      .insert(sales)
      .values({
        channel: 'store',
        storeId: input.storeId,
        customerId: input.customerId,
        staffId: input.staffId,
        source: 'till',
        totalCents: 0,
        idempotencyKey: key,
      })
      .onConflictDoNothing({ target: sales.idempotencyKey })
      .returning({ id: sales.id });
    const saleId = claimed?.id;
    if (saleId === undefined) {
      // The same ticket sent twice at once: the other request sold it (the insert waited for its commit).
      const [first] = await tx.select(SALE_COLUMNS).from(sales).where(eq(sales.idempotencyKey, key));
      const replayed = replayOf(first, input.storeId);
      if (!replayed) throw new IdempotencyKeyReusedError();
      return { ...replayed, cardReference: await cardReferenceOf(tx, replayed.saleId) };
    }

    const skuIds = lines.map((l) => l.skuId);
    const priceOf = await skuPrices(tx, skuIds);
    const missing = skuIds.find((id) => !priceOf.has(id));
    if (missing !== undefined) throw new UnknownTillItemError(missing);

    await sellFromShelf(tx, input.storeId, lines, { actorId: input.staffId, note: `Till sale #${saleId}` });

    const priced = lines.map((l) => ({ ...l, unitPriceCents: priceOf.get(l.skuId)! }));
    const subtotal = priced.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0);
    await insertLines(tx, saleId, priced);
    // Points go through lib/loyalty inside this transaction, with keys derived from the ticket's:
    // a refused redemption (balance, step) or a stock refusal above undoes all of it together.
    let discount = 0;
    if (pointsToRedeem > 0) {
      const redeemed = await redeemPoints(tx, {
        customerId: input.customerId!,
        points: pointsToRedeem,
        channel: 'store',
        storeId: input.storeId,
        saleId,
        key: `till:${key}:redeem`,
      });
      discount = redeemed.discountCents;
      if (discount > subtotal) throw new RedemptionExceedsTotalError(subtotal);
    }
    const total = subtotal - discount;
    if (total !== quoted) throw new TillTotalChangedError();
    // The planned wallet amounts, debited by the ledger's conditional updates: spent elsewhere since, the sale rolls back.
    const fromWallet = await takeWalletPayment(tx, paid.wallet, { customerId: paid.walletOwner, key: `till:${key}`, saleId, storeId: input.storeId });
    await insertPayments(tx, saleId, paid.tender, hold, { plan: paid.wallet, ...fromWallet });
    const earned =
      input.customerId === null
        ? null
        : await earnPoints(tx, { customerId: input.customerId, spendCents: total, channel: 'store', storeId: input.storeId, saleId, key: `till:${key}:earn` });
    const [done] = await tx
      .update(sales)
      .set({ totalCents: total, discountCents: discount, pointsRedeemed: pointsToRedeem, pointsEarned: earned?.points ?? 0 })
      .where(eq(sales.id, saleId))
      .returning(SALE_COLUMNS);
    return toRungUp(done!, false);
  });
}

async function cardReferenceOf(tx: Db, saleId: number): Promise<string | null> {
  const [row] = await tx
    .select({ reference: salePayments.providerReference })
    .from(salePayments)
    .where(and(eq(salePayments.saleId, saleId), eq(salePayments.method, 'card')));
  return row?.reference ?? null;
}
