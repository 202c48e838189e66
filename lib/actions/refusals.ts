import type { DriveNotAvailableError, SlotPastCutoffError } from '@/lib/drive/errors';
import { DomainError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatDate, formatMessage, formatNumber, formatPrice, interpolate } from '@/lib/i18n/format';
import type { InvalidQuantityError, ReservedExceedsCountError } from '@/lib/inventory/commands';
import type { NotStockedHereError, OutOfStockError } from '@/lib/inventory/holds';
import type { InvalidRedemptionError, NotEnoughPointsError } from '@/lib/loyalty/errors';
import type { OrderStateError, PaymentDeclinedError, PointsNotUsableError, PriceChangedError } from '@/lib/orders/errors';
import { ORDER_STATUSES } from '@/lib/orders/schema';
import { PaymentConfigError } from '@/lib/payments/errors';
import { declinedCheckoutMessage, declineMessage } from '@/lib/payments/messages';
import type { InvalidReservationQuantityError, ReservationLimitError, ReservationStateError } from '@/lib/reservations/errors';
import { RESERVATION_STATUSES } from '@/lib/reservations/schema';
import type { DropOffTooLateError, InvalidReturnError, ReturnPeriodOverError, ReturnQuantityExceededError } from '@/lib/returns/errors';
import type { GiftCardAmountError, GiftCardExpiredError, NotEnoughOnGiftCardError, NotEnoughStoreCreditError } from '@/lib/wallet/errors';
import type { CashShortError, InvalidCloseError, TillCardDeclinedError } from '@/lib/sales/errors';
import type { CartFullError, CartQuantityError, ProductWithdrawnError } from '@/lib/cart/errors';
import type { CapacityBelowTakenError } from '@/lib/drive/errors';
import type { EanTakenError, TooManyPicturesError } from '@/lib/catalog/errors';
import { PICTURE_MAX_BYTES, PICTURE_MIN_WIDTH, type PictureRefusedError } from '@/lib/media/limits';
import type { EmptyReservationError } from '@/lib/reservations/errors';

/*
 * The one table from a refusal's code (DomainError.code, lib/*\/errors.ts) to a sentence in the
 * visitor's language, on the form field it concerns. Every action goes through it (lib/actions/
 * builder.ts), so a code is said the same way wherever it comes up, and no screen shows a domain's
 * English fallback (`err.message`) to a French shopper. Where a screen has always said a code its
 * own way (the checkout names the product that sold out, the till the line), the code's entry says
 * so beside the others. lib/actions/refusals.test.ts fails on a code thrown in lib/ without a
 * sentence here.
 */

/** The screens that act, each with its own voice for some refusals (see `voice` below). */
export const SCREENS = [
  'cart',
  'stores',
  'reserve',
  'reservations',
  'orders',
  'checkout',
  'returns',
  'loyalty',
  'account',
  'stock',
  'drive',
  'deliveries',
  'pickup',
  'returns-desk',
  'till',
  'till-delivery',
  'till-reserve',
  'integrations',
  'imports',
  'back-office',
] as const;
export type Screen = (typeof SCREENS)[number];

const STAFF: ReadonlySet<Screen> = new Set(['stock', 'drive', 'deliveries', 'pickup', 'returns-desk', 'till', 'till-delivery', 'till-reserve']);
const TILL: ReadonlySet<Screen> = new Set(['till', 'till-delivery', 'till-reserve']);

/** Who is told, and what the action knows that a sentence may use. */
export type Say = {
  t: Dictionary;
  locale: Locale;
  screen: Screen;
  /** The product's name on this screen's lines (the checkout's cart, the till's ticket). */
  productName?: (skuId: number) => string | undefined;
};

/** A refusal's sentence, and the form field it belongs on (the form's own name for it). */
export type Said = { message: string; field?: string };

type Entry = (err: DomainError, say: Say) => Said | string;

/** An entry reading the fields of its own error class. */
function on<E extends DomainError>(entry: (err: E, say: Say) => Said | string): Entry {
  return entry as Entry;
}

const field = (name: string, message: string): Said => ({ message, field: name });

/** "2 h", "1 h 30", "45 min": a drive slot's cut-off. */
function lead(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60} h` : minutes > 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60}` : `${minutes} min`;
}

function day(d: Date, locale: Locale): string {
  return formatDate(d, locale, { day: 'numeric', month: 'long', year: 'numeric' });
}

/** The product on a screen's line, or its SKU number when the screen has no name for it. */
function product(skuId: number, say: Say): string {
  return say.productName?.(skuId)?.slice(0, 200) || `#${skuId}`;
}

/** Checkout: a refusal about the slot, said on the slot picker (which then reloads its places). */
const slot = (message: string): Said => field('slot', message);
/** Checkout: a refusal about the points to spend. */
const points = (message: string): Said => field('points', message);

/** A shopper's reservation, or the pickup desk's. */
const reservationState = on<ReservationStateError>((e, { t, screen }) =>
  STAFF.has(screen) ? t.pickup[`state_${e.status}`] : t.reservations[`state_${e.status}`],
);

/** An order that moved on: the staff screens say it is up to date now. */
const orderState = on<OrderStateError>((e, { t, screen }) =>
  interpolate(STAFF.has(screen) ? t.orders.staffStateRefused : t.orders.stateRefused, { status: t.orders[`status_${e.status}`] }),
);

/** Slots refused at checkout are said on the picker, in the checkout's words; elsewhere in the drive's. */
const driveSlot = (checkoutKey: 'slotFull' | 'slotClosed' | 'slotOtherStore' | 'slotNotFound'): Entry =>
  on<DriveNotAvailableError>((e, { t, screen }) => (screen === 'checkout' ? slot(t.orders[checkoutKey]) : t.drive[e.code as keyof Dictionary['drive']]));

/** A payment call the provider refused whatever the card (a bug of ours, or its setup): at checkout, "try later". */
const paymentCall =
  (key: keyof Dictionary['errors']): Entry =>
  (_e, { t, screen }) =>
    screen === 'checkout' ? t.orders.paymentUnavailable : t.errors[key];

/** A returns field named by the domain, as the returns forms name it. */
const RETURNS_FIELD: Record<string, string> = { window: 'windowStartsAt', store: 'storeId', refundMethod: 'refund', lines: 'lines' };
const returnsText = (key: keyof Dictionary['returns'], domainField?: string): Entry =>
  on((_e, { t }) => ({ message: t.returns[key], field: domainField ? (RETURNS_FIELD[domainField] ?? domainField) : undefined }));

const TABLE: Record<string, Entry> = {
  // auth
  email_taken: (_e, { t }) => t.account.emailTaken,
  forbidden: (_e, { t, screen }) =>
    screen === 'back-office' || screen === 'imports'
      ? t.backOffice.notAllowed
      : screen === 'deliveries'
        ? t.orders.adminOnly
        : TILL.has(screen)
          ? t.till.notYourStore
          : STAFF.has(screen)
            ? t.staff.notYourStore
            : t.errors.forbidden,

  // the back office's catalogue edits
  catalog_not_found: (_e, { t }) => t.backOffice.notFound,
  catalog_stale_edit: (_e, { t }) => t.backOffice.staleEdit,
  catalog_ean_taken: on<EanTakenError>((e, { t }) => field('ean13', interpolate(t.backOffice.eanTaken, { ean: e.ean13 }))),
  scheduled_price_closed: (_e, { t }) => t.backOffice.scheduleClosed,
  too_many_pictures: on<TooManyPicturesError>((e, { t }) => field('picture', interpolate(t.backOffice.pictureTooMany, { max: e.max }))),
  picture_refused: on<PictureRefusedError>((e, { t }) =>
    field(
      'picture',
      e.reason === 'missing'
        ? t.backOffice.pictureMissing
        : e.reason === 'too_large'
          ? interpolate(t.backOffice.pictureTooLarge, { max: PICTURE_MAX_BYTES / 1024 / 1024 })
          : e.reason === 'too_small'
            ? interpolate(t.backOffice.pictureTooSmall, { min: PICTURE_MIN_WIDTH })
            : t.backOffice.pictureType,
    ),
  ),
  scheduled_price_in_past: (_e, { t }) => field('effectiveAt', t.backOffice.scheduleInPast),

  // the back office's webhooks: an address the server may not post to (lib/webhooks/address.ts)
  webhook_address_private: (_e, { t }) => field('url', t.integrations.endpointUrlPrivate),
  webhook_address_unresolved: (_e, { t }) => field('url', t.integrations.endpointUrlUnresolved),
  webhook_address_scheme: (_e, { t }) => field('url', t.integrations.endpointUrlInvalid),

  // cart
  unknown_sku: (_e, { t }) => t.cart.unknownSku,
  cart_quantity: on<CartQuantityError>((e, { t }) => interpolate(t.cart.quantityRange, { max: e.max })),
  cart_full: on<CartFullError>((e, { t }) => interpolate(t.cart.cartFull, { max: e.maxLines })),
  cart_line_not_found: (_e, { t }) => t.cart.lineGone,
  cart_not_found: (_e, { t, screen }) => (screen === 'checkout' ? t.orders.emptyCart : t.cart.cartNotFound),
  store_without_drive: (_e, { t, screen }) => (screen === 'checkout' ? t.orders.driveNotOffered : t.cart.storeWithoutDrive),
  product_withdrawn: on<ProductWithdrawnError>((e, say) =>
    say.productName ? interpolate(say.t.orders.withdrawn, { name: product(e.skuId, say) }) : say.t.errors.product_withdrawn,
  ),
  empty_cart: (_e, { t }) => t.orders.emptyCart,
  cart_key_reused: (_e, { t, screen }) => (TILL.has(screen) ? t.till.keyReused : t.staff.keyReused),

  // stock: one way to say each, by screen
  out_of_stock: on<OutOfStockError>((e, say) => {
    const { t, screen } = say;
    const left = e.available > 0;
    switch (screen) {
      case 'checkout':
        return left
          ? interpolate(t.orders.onlyLeft, { count: e.available, name: product(e.skuId, say) })
          : interpolate(t.orders.soldOut, { name: product(e.skuId, say) });
      case 'reserve':
        return field('quantity', left ? interpolate(t.reservations.onlyLeftHere, { count: e.available }) : t.reservations.soldOutHere);
      case 'till':
        return left
          ? interpolate(t.till.outOfStockLine, { product: product(e.skuId, say), available: e.available })
          : interpolate(t.till.soldOutLine, { product: product(e.skuId, say) });
      case 'till-delivery':
        return t.till.webOut;
      default:
        return left ? interpolate(t.errors.out_of_stock, { available: e.available }) : t.errors.out_of_stock_none;
    }
  }),
  not_stocked_here: on<NotStockedHereError>((e, say) => {
    const { t, screen } = say;
    if (screen === 'checkout') return interpolate(t.orders.notStocked, { name: product(e.skuId, say) });
    if (screen === 'till') return interpolate(t.till.notStockedLine, { product: product(e.skuId, say) });
    return field('storeId', t.reservations.notStockedHere);
  }),
  invalid_quantity: on<InvalidQuantityError | InvalidReservationQuantityError>((e, { t, screen }) => {
    const min = 'min' in e ? e.min : 1;
    if (screen === 'stock') return field('quantity', interpolate(t.staff.invalidQuantity, { min, max: e.max }));
    if (screen === 'reserve' || screen === 'reservations') return field('quantity', interpolate(t.reservations.quantityRange, { max: e.max }));
    return interpolate(t.errors.invalid_quantity, { min, max: e.max });
  }),
  reserved_exceeds_count: on<ReservedExceedsCountError>((e, { t, locale }) =>
    field('quantity', formatMessage(t.staff.reservedExceedsCount, { reserved: e.reserved }, locale)),
  ),
  unknown_stock_item: (_e, { t }) => t.staff.unknownItem,
  idempotency_key_reused: (_e, { t, screen }) => {
    if (TILL.has(screen)) return t.till.keyReused;
    if (screen === 'reserve' || screen === 'reservations') return t.reservations.invalidRequest;
    if (screen === 'checkout') return t.orders.invalidRequest;
    return t.staff.keyReused;
  },

  // reservations
  invalid_lines: on<EmptyReservationError>((e, { t, screen }) =>
    screen === 'reserve' || screen === 'reservations' ? t.reservations.invalidRequest : interpolate(t.errors.invalid_lines, { max: e.maxLines }),
  ),
  store_not_reservable: (_e, { t }) => field('storeId', t.reservations.storeNotReservable),
  reservation_limit_active: on<ReservationLimitError>((e, { t }) => interpolate(t.reservations.limitActive, { limit: e.limit })),
  reservation_limit_units: on<ReservationLimitError>((e, { t }) =>
    field('quantity', interpolate(e.alreadyHeld > 0 ? t.reservations.limitUnitsHeld : t.reservations.limitUnits, { limit: e.limit, held: e.alreadyHeld })),
  ),
  // Placing: the account behind a still-valid session is gone. Elsewhere: not theirs, or no such id.
  reservation_not_found: (_e, { t, screen }) =>
    screen === 'reserve' ? t.reservations.signInAgain : STAFF.has(screen) ? t.pickup.notFoundHere : t.reservations.notFound,
  ...Object.fromEntries(RESERVATION_STATUSES.map((s) => [`reservation_${s}`, reservationState])),

  // drive
  drive_not_available: (_e, { t, screen }) => (screen === 'checkout' ? t.orders.driveNotOffered : t.drive.drive_not_available),
  drive_slot_not_found: driveSlot('slotNotFound'),
  drive_slot_other_store: driveSlot('slotOtherStore'),
  drive_slot_closed: driveSlot('slotClosed'),
  drive_slot_full: driveSlot('slotFull'),
  drive_slot_past_cutoff: on<SlotPastCutoffError>((e, { t, locale, screen }) =>
    screen === 'checkout'
      ? slot(interpolate(t.orders.slotPastCutoff, { hours: formatNumber(e.cutoffMinutes / 60, locale, { maximumFractionDigits: 1 }) }))
      : interpolate(t.drive.drive_slot_past_cutoff, { cutoff: lead(e.cutoffMinutes) }),
  ),
  drive_order_booked: (_e, { t, screen }) => (screen === 'checkout' ? t.orders.invalidRequest : t.drive.drive_order_booked),
  drive_booking_not_found: (_e, { t, screen }) => (screen === 'orders' ? t.orders.notFound : t.errors.drive_booking_not_found),
  drive_capacity_below_taken: on<CapacityBelowTakenError>((e, { t }) => interpolate(t.errors.drive_capacity_below_taken, { taken: e.taken })),

  // orders
  drive_not_offered: (_e, { t }) => t.orders.driveNotOffered,
  invalid_checkout: (_e, { t, screen }) => (screen === 'checkout' ? t.orders.invalidRequest : t.errors.invalid_checkout),
  points_not_usable: on<PointsNotUsableError>((e, { t }) =>
    points(e.maxPoints === 0 ? t.orders.pointsNotUsable : interpolate(t.orders.pointsAtMost, { points: e.maxPoints, step: e.stepPoints })),
  ),
  payment_declined: on<PaymentDeclinedError>((e, { t }) => {
    const message = declinedCheckoutMessage(e.declineCode, t.payments);
    return field(DECLINE_FIELD[e.declineCode] ?? 'card_number', message);
  }),
  price_changed: on<PriceChangedError>((e, say) => {
    const { t, locale } = say;
    if (e.moved.length === 0 || !say.productName) return t.orders.priceChanged;
    const lines = e.moved.map((m) =>
      interpolate(t.orders.priceMoved, {
        name: say.productName?.(m.skuId) ?? '',
        price: formatPrice(m.nowCents, locale),
        was: formatPrice(m.shownCents, locale),
      }),
    );
    return `${lines.join(' ')} ${t.orders.priceCheckAgain}`;
  }),
  order_not_found: (_e, { t, screen }) => (STAFF.has(screen) ? t.orders.notFoundHere : t.orders.notFound),
  ...Object.fromEntries(ORDER_STATUSES.map((s) => [`order_${s}`, orderState])),
  order_past_cutoff: (_e, { t }) => t.orders.pastCutoff,
  arrival_not_open: (_e, { t }) => t.orders.arrivalNotOpen,
  order_paid_in_store: (_e, { t }) => t.orders.paidInStoreNoCancel,
  order_line_not_found: (_e, { t }) => t.orders.lineNotFound,
  pick_invalid_found: (_e, { t }) => ({ message: t.orders.pickInvalidFound, field: 'found' }),
  pick_nothing_missing: (_e, { t }) => ({ message: t.orders.pickNothingMissing, field: 'substituteSkuId' }),
  substitute_not_allowed: (_e, { t }) => ({ message: t.orders.substituteNotAllowed, field: 'substituteSkuId' }),
  nothing_to_hand_over: (_e, { t }) => t.orders.nothingToHandOver,

  // payments
  payment_unavailable: (_e, { t }) => t.payments.unavailable,
  invalid_amount: paymentCall('invalid_amount'),
  method_not_supported: paymentCall('method_not_supported'),
  idempotency_conflict: paymentCall('idempotency_conflict'),
  payment_not_found: paymentCall('payment_not_found'),
  payment_voided: paymentCall('payment_voided'),
  payment_already_captured: paymentCall('payment_already_captured'),
  payment_not_captured: paymentCall('payment_not_captured'),
  capture_exceeds_authorized: paymentCall('capture_exceeds_authorized'),
  refund_exceeds_captured: paymentCall('refund_exceeds_captured'),
  payment_config: paymentCall('payment_config'),

  // loyalty
  loyalty_not_a_member: (_e, { t, screen }) => (screen === 'checkout' ? points(t.orders.pointsNotMember) : t.till.notAMember),
  loyalty_not_enough_points: on<NotEnoughPointsError>((e, { t, screen }) =>
    screen === 'checkout' ? points(t.orders.pointsNotEnough) : interpolate(t.till.notEnoughPoints, { balance: e.balance, requested: e.requested }),
  ),
  loyalty_invalid_redemption: on<InvalidRedemptionError>((e, { t }) => interpolate(t.till.invalidRedemption, { step: e.stepPoints })),
  loyalty_card_check_digit: (_e, { t }) => t.till.cardCheckDigit,
  loyalty_card_format: (_e, { t }) => t.errors.loyalty_card_format,
  loyalty_card_unknown: (_e, { t }) => t.till.cardNotFound,
  loyalty_unknown_customer: (_e, { t }) => t.errors.loyalty_unknown_customer,
  loyalty_invalid_adjustment: (_e, { t }) => t.errors.loyalty_invalid_adjustment,

  // the till
  invalid_ticket: (_e, { t }) => t.till.invalidTicket,
  unknown_item: (_e, { t }) => t.till.unknownItem,
  unknown_customer: (_e, { t }) => t.till.customerNotFound,
  sale_not_found: (_e, { t }) => t.errors.sale_not_found,
  redemption_exceeds_total: (_e, { t }) => t.till.redeemExceedsTotal,
  card_required: (_e, { t }) => t.till.cardRequired,
  cash_short: on<CashShortError>((e, { t, locale }) => field('given', interpolate(t.till.cashShort, { short: formatPrice(e.shortCents, locale) }))),
  invalid_tender: (_e, { t }) => t.till.invalidTender,
  till_card_declined: on<TillCardDeclinedError>((e, { t }) => field('card_number', `${declineMessage(e.declineCode, t.payments)} ${t.till.tryCash}`)),
  till_total_changed: (_e, { t }) => t.till.totalChanged,
  invalid_close: on<InvalidCloseError>((e, { t }) => field('businessDay', e.reason === 'future' ? t.till.closeFuture : t.till.closeDayInvalid)),

  // wallet (store credit, gift cards)
  not_enough_store_credit: on<NotEnoughStoreCreditError>((e, { t, locale }) =>
    field('wallet', interpolate(t.wallet.not_enough_store_credit, { amount: formatPrice(e.balanceCents, locale) })),
  ),
  not_enough_on_gift_card: on<NotEnoughOnGiftCardError>((e, { t, locale }) =>
    field('giftCardCode', interpolate(t.wallet.not_enough_on_gift_card, { amount: formatPrice(e.balanceCents, locale) })),
  ),
  gift_card_unknown: (_e, { t }) => field('giftCardCode', t.wallet.gift_card_unknown),
  gift_card_expired: on<GiftCardExpiredError>((e, { t, locale }) =>
    field('giftCardCode', interpolate(t.wallet.gift_card_expired, { date: day(e.expiredAt, locale) })),
  ),
  gift_card_amount: on<GiftCardAmountError>((e, { t, locale }) =>
    field('amount', interpolate(t.wallet.gift_card_amount, { min: formatPrice(e.minCents, locale), max: formatPrice(e.maxCents, locale) })),
  ),
  invalid_wallet_payment: (_e, { t }) => field('wallet', t.wallet.invalid_wallet_payment),
  wallet_needs_card: (_e, { t }) => field('wallet', t.wallet.wallet_needs_card),

  // returns
  invalid_return: on<InvalidReturnError>((e, say) => returnsText(`invalid_${e.detail}`, e.field)(e, say)),
  return_period_over: on<ReturnPeriodOverError>((e, { t, locale }) =>
    interpolate(t.returns.return_period_over, { days: e.days, date: day(e.deadline, locale) }),
  ),
  drop_off_too_late: on<DropOffTooLateError>((e, { t, locale }) =>
    field('windowStartsAt', interpolate(t.returns.drop_off_too_late, { date: day(e.lastDay, locale) })),
  ),
  return_quantity_exceeded: on<ReturnQuantityExceededError>((e, { t, locale }) =>
    field('quantity', e.returnable === 0 ? t.returns.return_quantity_none : formatMessage(t.returns.return_quantity_exceeded, { n: e.returnable }, locale)),
  ),
  return_order_not_found: returnsText('return_order_not_found'),
  order_not_returnable: returnsText('order_not_returnable'),
  no_returns_desk: returnsText('no_returns_desk', 'store'),
  drop_off_window_full: returnsText('drop_off_window_full', 'window'),
  drop_off_window_closed: returnsText('drop_off_window_closed', 'window'),
  drop_off_window_past: returnsText('drop_off_window_past', 'window'),
  return_not_found: returnsText('return_not_found'),
  return_booked: returnsText('return_booked'),
  return_cancelled: returnsText('return_cancelled'),
  return_pass_used: returnsText('return_pass_used'),
  return_key_reused: returnsText('return_key_reused'),
  refund_not_retryable: returnsText('refund_not_retryable'),
};

/** A declined card's code, as the card field it is about. */
const DECLINE_FIELD: Record<string, 'card_number' | 'card_exp' | 'card_cvc'> = {
  incorrect_number: 'card_number',
  expired_card: 'card_exp',
  invalid_expiry: 'card_exp',
  incorrect_cvc: 'card_cvc',
  invalid_cvc: 'card_cvc',
};

/**
 * The code of an expected refusal: a DomainError's, or a deployment mistake the checkout says as
 * "payment unavailable" (PaymentConfigError); undefined for anything else (a bug, or an outage).
 */
export function refusalCode(err: unknown): string | undefined {
  if (err instanceof DomainError) return err.code;
  if (err instanceof PaymentConfigError) return 'payment_config';
  return undefined;
}

/** Whether the table says this code itself (lib/actions/refusals.test.ts asks it of every code in lib/). */
export function hasSentence(code: string): boolean {
  return Object.hasOwn(TABLE, code);
}

/**
 * The sentence for an expected refusal (see refusalCode), on the field it concerns. A code the
 * table does not know yet (the test above fails on one) is said generically, never in the domain's
 * English.
 */
export function sayRefusal(err: DomainError | PaymentConfigError, say: Say): Said {
  const code = refusalCode(err) ?? 'unknown';
  const entry = TABLE[code];
  if (!entry) {
    console.error(`refusal without a sentence: ${code}`);
    return { message: say.t.errors.unknown };
  }
  const said = entry(err as DomainError, say);
  return typeof said === 'string' ? { message: said } : said;
}

/**
 * What each screen says when the session has lapsed and when the request cannot be read (a stale
 * page, a tampered field): each screen in its own words, as it always has.
 */
export function voice(screen: Screen, t: Dictionary): { signInAgain: string; invalid: string } {
  switch (screen) {
    case 'cart':
      return { signInAgain: t.orders.signInAgain, invalid: t.cart.invalidRequest };
    case 'stores':
      return { signInAgain: t.orders.signInAgain, invalid: t.stores.myStoreUnknown };
    case 'reserve':
    case 'reservations':
      return { signInAgain: t.reservations.signInAgain, invalid: t.reservations.invalidRequest };
    case 'orders':
    case 'checkout':
      return { signInAgain: t.orders.signInAgain, invalid: t.orders.invalidRequest };
    case 'returns':
      return { signInAgain: t.returns.signInAgain, invalid: t.returns.invalidRequest };
    case 'loyalty':
      return { signInAgain: t.account.loyaltySignInAgain, invalid: t.common.invalidRequest };
    case 'account':
      return { signInAgain: t.orders.signInAgain, invalid: t.account.fixErrors };
    case 'stock':
      return { signInAgain: t.staff.signInAgain, invalid: t.staff.keyReused };
    case 'drive':
    case 'deliveries':
      return { signInAgain: t.staff.signInAgain, invalid: t.orders.invalidRequest };
    case 'pickup':
      return { signInAgain: t.staff.signInAgain, invalid: t.pickup.invalidRequest };
    case 'returns-desk':
      return { signInAgain: t.staff.signInAgain, invalid: t.returns.invalidRequest };
    case 'integrations':
      return { signInAgain: t.staff.signInAgain, invalid: t.integrations.invalid };
    case 'till':
    case 'till-delivery':
    case 'till-reserve':
      return { signInAgain: t.till.signInAgain, invalid: t.till.invalidTicket };
    case 'imports':
      return { signInAgain: t.staff.signInAgain, invalid: t.imports.invalid };
    case 'back-office':
      return { signInAgain: t.backOffice.signInAgain, invalid: t.backOffice.invalidForm };
  }
}
