import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { normalizeGiftCardCode } from './code';
import { spendGiftCard, spendStoreCredit, storeCreditOf, type WalletLink } from './commands';
import { GiftCardExpiredError, GiftCardUnknownError, NotEnoughOnGiftCardError, NotEnoughStoreCreditError, WalletNeedsCardError } from './errors';
import { giftCards } from './schema';

/*
 * The one way a total is paid from several sources, shared by web checkout (lib/orders/placing.ts),
 * the till (lib/sales/commands.ts) and the till's home-delivery order (lib/orders/till-orders.ts):
 *
 *   points (a discount each channel takes first, through lib/loyalty)
 *   → the gift card whose code was given (it lapses: spent first)
 *   → the shopper's store credit (it does not)
 *   → the rest, by card (or cash at the till), or nothing when the wallet pays it all.
 *
 * planWalletPayment fixes each part's amount from the balances before any card is touched (a card
 * is authorised for the rest only); takeWalletPayment, inside the order's or sale's transaction,
 * debits exactly those amounts through the ledger's conditional updates — a balance spent
 * elsewhere in between refuses the payment and rolls back the order or sale (and its card hold is
 * voided by the caller), never a negative balance, never a second debit for the same key.
 */

export type WalletChoice = {
  /** Pay with the store credit (as much of it as the total takes). */
  useStoreCredit?: boolean;
  /** Pay with this gift card (as much of it as the total takes). */
  giftCardCode?: string | null;
  /**
   * The store credit the page showed when the shopper ticked it (web checkout). Less credit now
   * than that would leave the card a bigger rest than the page said: refused with the new balance
   * instead, as a moved price is (PriceChangedError). More credit is simply used.
   */
  storeCreditShownCents?: number;
};

export type WalletPlan = {
  giftCard: { code: string; cents: number } | null;
  storeCreditCents: number;
  /** giftCard + store credit. */
  walletCents: number;
  /** What the card (or cash) pays. */
  restCents: number;
};

export const NO_WALLET = (totalCents: number): WalletPlan => ({ giftCard: null, storeCreditCents: 0, walletCents: 0, restCents: totalCents });

/**
 * What each source pays of `totalCents` (after points). `customerId` is whose store credit may be
 * spent: the signed-in shopper online, the member whose card was scanned at the till — null when
 * nobody's is (asking for it then is WalletNeedsCardError). A gift card is spent by whoever has its code.
 */
export async function planWalletPayment(db: Db, choice: WalletChoice | undefined, ctx: { customerId: number | null; totalCents: number }): Promise<WalletPlan> {
  let rest = ctx.totalCents;
  let giftCard: WalletPlan['giftCard'] = null;
  const typed = choice?.giftCardCode?.trim();
  if (typed) {
    const code = normalizeGiftCardCode(typed);
    if (!code) throw new GiftCardUnknownError();
    const [card] = await db.select({ balanceCents: giftCards.balanceCents, expiresAt: giftCards.expiresAt }).from(giftCards).where(eq(giftCards.code, code));
    if (!card) throw new GiftCardUnknownError();
    if (card.expiresAt.getTime() <= Date.now()) throw new GiftCardExpiredError(card.expiresAt);
    if (card.balanceCents <= 0) throw new NotEnoughOnGiftCardError(0);
    const cents = Math.min(card.balanceCents, rest);
    if (cents > 0) giftCard = { code, cents };
    rest -= cents;
  }
  let storeCreditCents = 0;
  if (choice?.useStoreCredit) {
    if (ctx.customerId === null) throw new WalletNeedsCardError();
    const balance = await storeCreditOf(db, ctx.customerId);
    // Chosen but spent meanwhile (another channel, another tab): refused, as an empty gift card is,
    // rather than the card or the till asked for more than the page showed.
    if (balance <= 0 && rest > 0) throw new NotEnoughStoreCreditError(0);
    storeCreditCents = Math.min(balance, rest);
    const shown = choice.storeCreditShownCents;
    if (shown !== undefined && storeCreditCents < Math.min(shown, rest)) throw new NotEnoughStoreCreditError(balance);
    rest -= storeCreditCents;
  }
  return { giftCard, storeCreditCents, walletCents: ctx.totalCents - rest, restCents: rest };
}

/**
 * Debits the plan's wallet parts inside the caller's transaction, with keys derived from the
 * order's or ticket's (`<key>:gift-card`, `<key>:store-credit`): a replay debits nothing again.
 */
export async function takeWalletPayment(
  tx: Db,
  plan: WalletPlan,
  ctx: { customerId: number | null; key: string } & WalletLink,
): Promise<{ giftCardEntryId: number | null; storeCreditEntryId: number | null }> {
  const { customerId, key, ...link } = ctx;
  const gift = plan.giftCard ? await spendGiftCard(tx, { code: plan.giftCard.code, amountCents: plan.giftCard.cents, key: `${key}:gift-card`, ...link }) : null;
  if (plan.storeCreditCents > 0 && customerId === null) throw new WalletNeedsCardError();
  const credit =
    plan.storeCreditCents > 0
      ? await spendStoreCredit(tx, { customerId: customerId!, amountCents: plan.storeCreditCents, key: `${key}:store-credit`, ...link })
      : null;
  return { giftCardEntryId: gift?.entryId ?? null, storeCreditEntryId: credit?.entryId ?? null };
}
