import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type Db } from '@/lib/db';
import { clearCart, lockCartForCheckout } from '@/lib/cart/commands';
import { rememberAddress } from '@/lib/customers/addresses';
import { bookHeldSlot } from '@/lib/drive/commands';
import type { SlotHolder } from '@/lib/drive/holder';
import { IdempotencyKeyReusedError } from '@/lib/inventory/commands';
import { holdStock, type HoldLine } from '@/lib/inventory/holds';
import { redeemPoints } from '@/lib/loyalty/commands';
import { NotAMemberError, NotEnoughPointsError } from '@/lib/loyalty/errors';
import { getLoyaltyCard } from '@/lib/loyalty/queries';
import { offersDrive, webWarehouseId } from '@/lib/stores/read';
import { planWalletPayment, takeWalletPayment, type WalletChoice } from '@/lib/wallet/pay';
import type { PaymentMethodInput } from '@/lib/payments/types';
import type { DeliveryAddress } from './address';
import { DriveNotOfferedError, InvalidCheckoutError, PriceChangedError } from './errors';
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/config';
import { queueOrderMessage } from './messages';
import { newOrderNumber } from './order-number';
import { authoriseOrderPayment, voidAuthorisation, WALLET_ONLY } from './payment';
import { assertShownPrices, totals, type CartSnapshot } from './pricing';
import { orderEvents, orderLines, orders, type OrderMode } from './schema';
import { transaction } from '@/lib/db';

/*
 * Placing an online order is a single transaction over the cart (locked), the stock (a
 * conditional hold), the drive slot (booked, capacity checked under the slot's lock) and the order
 * rows: all of it commits, or none. The payment is authorised before that transaction and voided
 * when it rolls back, so a refusal anywhere leaves nothing booked, nothing reserved, nothing charged.
 * What happens to the order next: lib/orders/fulfilment.ts.
 */

export type PlaceOrderInput = {
  customerId: number;
  /** Resolved by the caller from the session, never from the form. */
  cartId: number;
  /** Drive: the slot the shopper holds (or picks now). */
  slotId?: number;
  address?: DeliveryAddress;
  /** Home delivery pays by card now; drive pays at pickup, or by card now when one is given (captured at handover). */
  payment?: PaymentMethodInput;
  /** Drive: a substitute the shopper has not answered by handover is taken (true) or refused (lib/orders/picking.ts). */
  substitutesWelcome?: boolean;
  /** Loyalty points to spend on the goods (a multiple of the redemption step; 0 or absent: none). */
  redeemPoints?: number;
  /** The shopper's store credit and/or a gift card's code, spent before the card (lib/wallet/pay.ts). */
  wallet?: WalletChoice;
  /**
   * The unit price of each line as the checkout page showed it (SKU → cents). The order takes
   * today's prices, and is refused with PriceChangedError (naming the new ones) when any differs
   * from what the shopper saw — or when the cart holds a line the page did not show.
   */
  shownPrices?: ReadonlyMap<number, number>;
  idempotencyKey: string;
  /** The language of the checkout page: the order's messages are written in it (default: the shop's). */
  locale?: Locale;
};

export type PlacedOrder = { id: number; number: string; replayed: boolean };

/**
 * The order a checkout key already placed, from the database (so also after a restart), or null.
 * Callers ask this before anything about the present — the cart is empty once the order is
 * placed — so a retry answers as the first request did. Another shopper's key reveals nothing.
 */
export async function findOrderByKey(customerId: number, key: string): Promise<PlacedOrder | null> {
  const first = await orderByKey(customerId, key);
  return first && { id: first.id, number: first.number, replayed: true };
}

async function orderByKey(customerId: number, key: string): Promise<{ id: number; number: string; paymentReference: string | null } | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      id: orders.id,
      number: orders.number,
      customerId: orders.customerId,
      placedAtStoreId: orders.placedAtStoreId,
      paymentReference: orders.paymentReference,
    })
    .from(orders)
    .where(eq(orders.idempotencyKey, key));
  if (!row) return null;
  if (row.customerId !== customerId || row.placedAtStoreId !== null) throw new IdempotencyKeyReusedError();
  return { id: row.id, number: row.number, paymentReference: row.paymentReference };
}

/** Where a mode's stock lives: the web warehouse, or the drive store (which must offer drive). */
async function stockLocation(tx: Db, cart: CartSnapshot): Promise<number> {
  if (cart.fulfilment === 'delivery') {
    const warehouseId = await webWarehouseId(tx);
    if (warehouseId === null) throw new Error('No web warehouse is configured: home delivery cannot take orders');
    return warehouseId;
  }
  if (cart.driveStoreId === null) throw new InvalidCheckoutError('Choose a drive store for your order.');
  if (!(await offersDrive(tx, cart.driveStoreId))) throw new DriveNotOfferedError();
  return cart.driveStoreId;
}

function validate(input: PlaceOrderInput, mode: OrderMode): void {
  if (mode === 'drive' && !(Number.isSafeInteger(input.slotId) && input.slotId! > 0)) {
    throw new InvalidCheckoutError('Choose a pickup slot.');
  }
  if (mode === 'delivery') {
    if (!input.address) throw new InvalidCheckoutError('Enter the delivery address.');
    // The card is asked for once the wallet's part is known: below, when something is left to pay.
  }
}

/**
 * Places the cart as an order. Replays (same idempotency key) return the first order without a
 * second charge. Refusals: EmptyCartError (lib/cart), InvalidCheckoutError, DriveNotOfferedError,
 * PaymentDeclinedError, PriceChangedError, OutOfStockError / NotStockedHereError (lib/inventory),
 * and the slot refusals of lib/drive (full, past cut-off, closed, another store's).
 */
export async function placeOrder(input: PlaceOrderInput): Promise<PlacedOrder> {
  const replay = await findOrderByKey(input.customerId, input.idempotencyKey);
  if (replay) return replay;
  try {
    return await placeNewOrder(input);
  } catch (err) {
    // A refusal is given only after the key is asked again: the same checkout sent twice at once
    // waits on the cart's lock, then finds it emptied by the other request — whose order is the answer.
    const winner = await findOrderByKey(input.customerId, input.idempotencyKey).catch(() => null);
    if (winner) return winner;
    throw err;
  }
}

async function placeNewOrder(input: PlaceOrderInput): Promise<PlacedOrder> {
  // What the shopper is about to pay, read as checkout will see it (and checked again inside).
  const preview = await transaction((tx) => lockCartForCheckout(tx, input.cartId));
  const mode = preview.fulfilment;
  validate(input, mode);
  // Before the card is touched: a price that moved since the page was drawn is not charged.
  assertShownPrices(preview, input.shownPrices);
  const points = input.redeemPoints ?? 0;
  const amount = totals(preview, points).total;
  if (points > 0) {
    // Not enough points is known before the card is touched (the ledger's own check, inside the
    // transaction, is what guarantees it: the balance can still move in between).
    const card = await getLoyaltyCard(input.customerId);
    if (!card) throw new NotAMemberError();
    if (card.balance < points) throw new NotEnoughPointsError(card.balance, points);
  }

  // The wallet pays before the card (the till's plan too: lib/wallet/pay.ts); the card, or the
  // pickup, is asked for the rest only — nothing when the wallet pays it all.
  const wallet = await planWalletPayment(await getDb(), input.wallet, { customerId: input.customerId, totalCents: amount });
  if (mode === 'delivery' && wallet.restCents > 0 && !input.payment) throw new InvalidCheckoutError('Enter your card details.');
  const auth =
    wallet.restCents === 0
      ? WALLET_ONLY
      : await authoriseOrderPayment({
          mode,
          card: input.payment,
          amountCents: wallet.restCents,
          checkoutKey: input.idempotencyKey,
          customerId: input.customerId,
        });

  try {
    return await transaction(async (tx) => {
      const cart = await lockCartForCheckout(tx, input.cartId);
      if (cart.fulfilment !== mode) throw new PriceChangedError(); // switched mode in another tab: new total
      assertShownPrices(cart, input.shownPrices);
      const { subtotal, delivery, discount, total } = totals(cart, points);
      if (total !== amount) throw new PriceChangedError();
      const locationId = await stockLocation(tx, cart);
      const number = newOrderNumber();
      const a = mode === 'delivery' ? input.address! : null;
      const [inserted] = await tx
        .insert(orders)
        .values({
          number,
          customerId: input.customerId,
          mode,
          locationId,
          status: 'placed',
          subtotalCents: subtotal,
          deliveryCents: delivery,
          pointsRedeemed: points,
          discountCents: discount,
          totalCents: total,
          walletCents: wallet.walletCents,
          paymentProvider: auth.providerId,
          paymentReference: auth.reference,
          // Nothing left once the wallet paid; else held on a card (captured later) or due at pickup.
          paymentStatus: wallet.restCents === 0 ? 'captured' : auth.byCard ? 'authorized' : 'due_at_pickup',
          authorizedCents: auth.byCard ? wallet.restCents : null,
          substitutesWelcome: mode === 'drive' && input.substitutesWelcome === true,
          cardLast4: auth.last4,
          deliveryName: a?.name ?? null,
          deliveryAddress: a?.address ?? null,
          deliveryPostcode: a?.postcode ?? null,
          deliveryTown: a?.town ?? null,
          deliveryPhone: a?.phone ?? null,
          idempotencyKey: input.idempotencyKey,
          locale: input.locale ?? DEFAULT_LOCALE,
        })
        .returning({ id: orders.id });
      const orderId = inserted!.id;
      const lines: HoldLine[] = cart.lines.map((l) => ({ skuId: l.skuId, quantity: l.quantity }));
      await tx.insert(orderLines).values(cart.lines.map((l) => ({ orderId, skuId: l.skuId, quantity: l.quantity, unitPriceCents: l.unitPriceCents })));
      await holdStock(tx, locationId, lines);
      if (points > 0) {
        // The balance check is the ledger's conditional update: not enough points rolls all of it back.
        await redeemPoints(tx, {
          customerId: input.customerId,
          points,
          channel: 'web',
          storeId: mode === 'drive' ? locationId : null,
          orderId,
          key: `order:${input.idempotencyKey}:redeem`,
        });
      }
      // The planned amounts, debited by the ledger's conditional updates: spent elsewhere since, all of it rolls back.
      if (wallet.walletCents > 0) {
        await takeWalletPayment(tx, wallet, {
          customerId: input.customerId,
          key: `order:${input.idempotencyKey}`,
          orderId,
          storeId: mode === 'drive' ? locationId : null,
        });
      }
      if (mode === 'drive') {
        const holder: SlotHolder = { customerId: input.customerId };
        await bookHeldSlot(tx, { storeId: locationId, slotId: input.slotId!, orderRef: number, holder });
      }
      await tx.insert(orderEvents).values({ orderId, kind: 'placed', actorId: input.customerId });
      // The address book: the next checkout offers this address (one row per place, moved first).
      if (a) await rememberAddress(tx, input.customerId, a);
      await clearCart(tx, input.cartId);
      // The confirmation commits with the order, or not at all.
      await queueOrderMessage(tx, orderId, 'order_confirmation');
      return { id: orderId, number, replayed: false };
    });
  } catch (err) {
    // The same checkout submitted twice at once: the other request may have won while this one
    // waited on the cart's lock (and found it empty) or on the key's index. Then its order is the
    // answer, whatever this attempt was refused for; and when the payment key matched, the
    // authorisation is the one that order holds: it must not be voided.
    const winner = await orderByKey(input.customerId, input.idempotencyKey).catch(() => null);
    if (winner && winner.paymentReference === auth.reference) return { id: winner.id, number: winner.number, replayed: true };
    // Nothing was written for this authorisation: it must not stay on the shopper's card.
    if (auth.reference !== null) await voidAuthorisation(auth.providerId, auth.reference, 'an authorisation');
    if (winner) return { id: winner.id, number: winner.number, replayed: true };
    throw err;
  }
}
