import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { getPaymentProvider, getPaymentProviderById, type CardMethodInput } from '@/lib/payments';
import { giftCardTail } from '@/lib/wallet/code';
import type { WalletPlan } from '@/lib/wallet/pay';
import { CashShortError, InvalidTenderError, TillCardDeclinedError } from './errors';
import { salePayments } from './schema';

/** €10,000 handed over at most: a till, not a bank counter (and far inside an integer). */
const MAX_CASH_CENTS = 1_000_000;

/**
 * How the customer pays: all by card, all in cash (what they handed over; the change is worked
 * out here), or split — a cash part, the rest by card.
 */
export type TenderInput =
  | { kind: 'cash'; givenCents: number }
  | { kind: 'card'; card: CardMethodInput }
  | { kind: 'split'; cashCents: number; givenCents: number; card: CardMethodInput };

export type TenderPlan = {
  cash: { amountCents: number; givenCents: number; changeCents: number } | null;
  card: { amountCents: number; method: CardMethodInput } | null;
};

function cents(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0 || value > MAX_CASH_CENTS) throw new InvalidTenderError(`Enter the ${what} in euros and cents.`);
  return value;
}

function cashPart(amountCents: number, givenCents: number): TenderPlan['cash'] {
  const given = cents(givenCents, 'cash given');
  if (given < amountCents) throw new CashShortError(amountCents - given);
  return { amountCents, givenCents: given, changeCents: given - amountCents };
}

/** What each method pays of `totalCents`; refuses cash short of its part before anything is charged. */
export function planTender(tender: TenderInput, totalCents: number): TenderPlan {
  if (totalCents === 0) return { cash: null, card: null };
  switch (tender.kind) {
    case 'cash':
      return { cash: cashPart(totalCents, tender.givenCents), card: null };
    case 'card':
      return { cash: null, card: { amountCents: totalCents, method: tender.card } };
    case 'split': {
      const cash = cents(tender.cashCents, 'cash part');
      if (cash <= 0 || cash >= totalCents) throw new InvalidTenderError('In a split payment the cash part is more than nothing and less than the total.');
      return { cash: cashPart(cash, tender.givenCents), card: { amountCents: totalCents - cash, method: tender.card } };
    }
    default:
      throw new InvalidTenderError('Choose card, cash or both.');
  }
}

export type CardHold = { providerId: string; reference: string; last4: string | null; amountCents: number };

/**
 * Holds the card's part with the same provider as web checkout. The provider's key is the ticket's,
 * the card and the amount: a retried "Take payment" gets the first hold back (never a second
 * charge), while another card after a decline is a new attempt. A decline records nothing and says why.
 */
export async function authoriseTillCard(
  card: NonNullable<TenderPlan['card']>,
  ctx: { ticketKey: string; storeId: number; customerId: number | null },
): Promise<CardHold> {
  const provider = getPaymentProvider('card');
  const m = card.method;
  const fingerprint = createHash('sha256').update(`${m.number}:${m.expMonth}/${m.expYear}:${m.cvc}|${card.amountCents}`).digest('hex').slice(0, 16);
  const auth = await provider.authorize({
    amountCents: card.amountCents,
    currency: 'EUR',
    method: m,
    idempotencyKey: `till:${ctx.ticketKey}:${fingerprint}`,
    description: `Comptoir till, store ${ctx.storeId}`,
    customerRef: ctx.customerId === null ? `till-${ctx.storeId}` : String(ctx.customerId),
  });
  if (auth.status === 'declined') throw new TillCardDeclinedError(auth.code, auth.message);
  return { providerId: provider.id, reference: auth.reference, last4: auth.last4 ?? null, amountCents: card.amountCents };
}

/** Lets a hold go when the sale was not recorded; a provider that cannot answer is logged, the refusal stands. */
export async function voidTillCard(hold: CardHold): Promise<void> {
  try {
    await getPaymentProviderById(hold.providerId).void(hold.reference);
  } catch (err) {
    console.error('sales: could not void a till card hold', hold.reference, err);
  }
}

/** The wallet's part of a sale (lib/wallet/pay.ts) and the ledger entries that paid it. */
export type WalletPart = { plan: WalletPlan; giftCardEntryId: number | null; storeCreditEntryId: number | null };

/** The sale's payments, inside its transaction (the deferred trigger checks they sum to its total at commit). */
export async function insertPayments(tx: Db, saleId: number, plan: TenderPlan, hold: CardHold | null, wallet?: WalletPart): Promise<void> {
  const rows: (typeof salePayments.$inferInsert)[] = [];
  const gift = wallet?.plan.giftCard;
  if (gift && wallet.giftCardEntryId !== null)
    rows.push({
      saleId,
      method: 'gift_card',
      amountCents: gift.cents,
      providerId: 'wallet',
      providerReference: `entry:${wallet.giftCardEntryId}`,
      cardLast4: giftCardTail(gift.code),
    });
  if (wallet && wallet.plan.storeCreditCents > 0 && wallet.storeCreditEntryId !== null)
    rows.push({
      saleId,
      method: 'store_credit',
      amountCents: wallet.plan.storeCreditCents,
      providerId: 'wallet',
      providerReference: `entry:${wallet.storeCreditEntryId}`,
    });
  if (plan.cash) rows.push({ saleId, method: 'cash', ...plan.cash });
  if (hold)
    rows.push({ saleId, method: 'card', amountCents: hold.amountCents, providerId: hold.providerId, providerReference: hold.reference, cardLast4: hold.last4 });
  if (rows.length > 0) await tx.insert(salePayments).values(rows);
}

/**
 * Takes the held money of a recorded sale, after its commit; again on a replay if a capture was
 * lost (the provider's key makes a second capture the first's answer). A failure is logged: the
 * sale stands and its hold is captured on the ticket's next replay.
 */
export async function captureTillCard(db: Db, saleId: number, ticketKey: string): Promise<void> {
  const [card] = await db
    .select({ id: salePayments.id, providerId: salePayments.providerId, reference: salePayments.providerReference, amountCents: salePayments.amountCents })
    .from(salePayments)
    .where(and(eq(salePayments.saleId, saleId), eq(salePayments.method, 'card'), isNull(salePayments.capturedAt)));
  if (!card?.providerId || !card.reference) return;
  try {
    await getPaymentProviderById(card.providerId).capture(card.reference, card.amountCents, `till:${ticketKey}:capture`);
    await db.update(salePayments).set({ capturedAt: new Date() }).where(eq(salePayments.id, card.id));
  } catch (err) {
    console.error('sales: could not capture a till card payment', card.reference, err);
  }
}
