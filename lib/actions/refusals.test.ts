import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@/lib/errors';
import { getDictionary } from '@/lib/i18n/dictionary';
import { PriceChangedError } from '@/lib/orders/errors';
import { ORDER_STATUSES } from '@/lib/orders/schema';
import { PaymentConfigError } from '@/lib/payments/errors';
import { RESERVATION_STATUSES } from '@/lib/reservations/schema';
import { RETURN_STATUSES } from '@/lib/returns/schema';
import { hasSentence, SCREENS, sayRefusal } from './refusals';

/*
 * Every refusal code thrown anywhere in lib/ has a sentence in the one table, in French and in
 * English, on every screen — never the domain's English `err.message`, never a {placeholder} left
 * unfilled. The codes are found from the source: each class that extends DomainError (directly or
 * not) is made with the arguments below (a new class without them fails here), and every code
 * literal passed at a throw site (`new PaymentStateError('payment_voided', …)`) is made too.
 */
const root = path.resolve(import.meta.dirname, '../..');
const modules = import.meta.glob<Record<string, unknown>>(['../**/*.ts', '!../**/*.test.ts', '!../testing/**']);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'testing' ? [] : sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** "file#Class" → the arguments that make each of its codes. */
const SAMPLES: Record<string, unknown[][]> = {
  'lib/sales/errors.ts#InvalidTicketError': [['The ticket is empty.']],
  'lib/sales/errors.ts#UnknownTillItemError': [[7]],
  'lib/sales/errors.ts#UnknownCustomerError': [[]],
  'lib/sales/errors.ts#SaleNotFoundError': [[]],
  'lib/sales/errors.ts#RedemptionExceedsTotalError': [[500]],
  'lib/sales/errors.ts#CardRequiredForRedemptionError': [[]],
  'lib/sales/errors.ts#CashShortError': [[250]],
  'lib/sales/errors.ts#InvalidTenderError': [['Choose card, cash or both.']],
  'lib/sales/errors.ts#TillCardDeclinedError': [
    ['card_declined', 'Declined.'],
    ['something_new', 'Declined.'],
  ],
  'lib/sales/errors.ts#TillTotalChangedError': [[]],
  'lib/sales/errors.ts#InvalidCloseError': [['day'], ['future']],
  'lib/drive/errors.ts#DriveNotAvailableError': [[]],
  'lib/drive/errors.ts#SlotNotFoundError': [[]],
  'lib/drive/errors.ts#SlotOfAnotherStoreError': [[]],
  'lib/drive/errors.ts#SlotClosedError': [[]],
  'lib/drive/errors.ts#SlotPastCutoffError': [[90], [120]],
  'lib/drive/errors.ts#SlotFullError': [[8]],
  'lib/drive/errors.ts#OrderAlreadyBookedError': [[]],
  'lib/drive/errors.ts#BookingNotFoundError': [[]],
  'lib/drive/errors.ts#CapacityBelowTakenError': [[3]],
  'lib/reservations/errors.ts#InvalidReservationQuantityError': [[5]],
  'lib/reservations/errors.ts#EmptyReservationError': [[10]],
  'lib/reservations/errors.ts#StoreNotReservableError': [[]],
  'lib/reservations/errors.ts#ReservationLimitError': [
    ['active', 3],
    ['units', 5, 2],
    ['units', 5, 0],
  ],
  'lib/reservations/errors.ts#ReservationNotFoundError': [[]],
  'lib/reservations/errors.ts#ReservationStateError': RESERVATION_STATUSES.map((s) => [s]),
  'lib/auth/errors.ts#EmailTakenError': [[]],
  'lib/auth/errors.ts#ForbiddenError': [[]],
  'lib/orders/errors.ts#DriveNotOfferedError': [[]],
  'lib/orders/errors.ts#InvalidCheckoutError': [['Choose a pickup slot.']],
  'lib/orders/errors.ts#PointsNotUsableError': [
    [0, 100],
    [300, 100],
  ],
  'lib/orders/errors.ts#PaymentDeclinedError': [
    ['insufficient_funds', 'Declined.'],
    ['expired_card', 'Declined.'],
    ['something_new', 'Declined.'],
  ],
  'lib/orders/errors.ts#PriceChangedError': [[[{ skuId: 7, shownCents: 4999, nowCents: 5499 }]], [[]]],
  'lib/orders/errors.ts#OrderNotFoundError': [[]],
  'lib/orders/errors.ts#OrderStateError': ORDER_STATUSES.map((s) => [s, 'changed']),
  'lib/orders/errors.ts#PastCutoffError': [[]],
  'lib/orders/errors.ts#ArrivalNotOpenError': [[]],
  'lib/orders/errors.ts#OrderPaidInStoreError': [[]],
  'lib/orders/errors.ts#OrderLineNotFoundError': [[]],
  'lib/orders/errors.ts#PickRefusedError': [['found'], ['nothing_missing']],
  'lib/orders/errors.ts#SubstituteNotAllowedError': [[]],
  'lib/orders/errors.ts#NothingToHandOverError': [[]],
  'lib/loyalty/errors.ts#NotAMemberError': [[]],
  'lib/loyalty/errors.ts#InvalidRedemptionError': [[100]],
  'lib/loyalty/errors.ts#NotEnoughPointsError': [[50, 100]],
  'lib/loyalty/errors.ts#InvalidCardNumberError': [['format'], ['check_digit']],
  'lib/loyalty/errors.ts#UnknownCardNumberError': [[]],
  'lib/loyalty/errors.ts#UnknownCustomerError': [[]],
  'lib/loyalty/errors.ts#InvalidAdjustmentError': [['No reason given.']],
  'lib/inventory/holds.ts#OutOfStockError': [
    [7, 2],
    [7, 0],
  ],
  'lib/inventory/holds.ts#NotStockedHereError': [[7]],
  'lib/inventory/commands.ts#InvalidQuantityError': [[0, 100_000]],
  'lib/inventory/commands.ts#ReservedExceedsCountError': [[2, 1]],
  'lib/inventory/commands.ts#UnknownStockItemError': [[]],
  'lib/inventory/commands.ts#IdempotencyKeyReusedError': [[]],
  'lib/returns/errors.ts#ReturnOrderNotFoundError': [[]],
  'lib/returns/errors.ts#OrderNotReturnableError': [[]],
  'lib/returns/errors.ts#ReturnPeriodOverError': [[new Date('2026-01-31T12:00:00Z'), 30]],
  'lib/returns/errors.ts#InvalidReturnError': [
    'no_lines',
    'too_many_lines',
    'line_not_in_order',
    'quantity',
    'reason',
    'refund_method',
    'shop',
    'window',
    'undecided',
    'line_not_in_return',
    'outcome',
    'refusal_reason',
  ].map((d) => [d]),
  'lib/returns/errors.ts#ReturnQuantityExceededError': [[0], [2]],
  'lib/returns/errors.ts#NoReturnsDeskError': [[]],
  'lib/returns/errors.ts#DropOffWindowFullError': [[4]],
  'lib/returns/errors.ts#DropOffWindowClosedError': [[]],
  'lib/returns/errors.ts#DropOffWindowPastError': [[]],
  'lib/returns/errors.ts#DropOffTooLateError': [[new Date('2026-02-14T12:00:00Z')]],
  'lib/returns/errors.ts#ReturnNotFoundError': [[]],
  'lib/returns/errors.ts#ReturnStateError': RETURN_STATUSES.map((s) => [s, 'changed']),
  'lib/returns/errors.ts#ReturnKeyReusedError': [[]],
  'lib/returns/errors.ts#RefundNotRetryableError': [[]],
  'lib/wallet/errors.ts#NotEnoughStoreCreditError': [[1250]],
  'lib/catalog/errors.ts#CatalogNotFoundError': [['product'], ['sku'], ['scheduled_price'], ['picture']],
  'lib/catalog/errors.ts#StaleEditError': [['product'], ['sku']],
  'lib/catalog/errors.ts#EanTakenError': [['4006381333931']],
  'lib/catalog/errors.ts#ScheduledPriceClosedError': [['applied'], ['cancelled']],
  'lib/catalog/errors.ts#ScheduledPriceInPastError': [[]],
  'lib/catalog/errors.ts#TooManyPicturesError': [[12]],
  'lib/media/pictures.ts#PictureRefusedError': [['missing'], ['too_large'], ['type'], ['too_small']],
  'lib/webhooks/commands.ts#WebhookAddressError': [['private'], ['unresolved'], ['scheme']],
  'lib/wallet/errors.ts#GiftCardUnknownError': [[]],
  'lib/wallet/errors.ts#GiftCardExpiredError': [[new Date('2026-01-31T12:00:00Z')]],
  'lib/wallet/errors.ts#NotEnoughOnGiftCardError': [[300]],
  'lib/wallet/errors.ts#GiftCardAmountError': [[1000, 50000]],
  'lib/wallet/errors.ts#InvalidWalletPaymentError': [[]],
  'lib/wallet/errors.ts#WalletNeedsCardError': [[]],
  'lib/cart/errors.ts#UnknownSkuError': [[]],
  'lib/cart/errors.ts#CartQuantityError': [[10]],
  'lib/cart/errors.ts#CartFullError': [[50]],
  'lib/cart/errors.ts#CartLineNotFoundError': [[]],
  'lib/cart/errors.ts#CartNotFoundError': [[]],
  'lib/cart/errors.ts#StoreWithoutDriveError': [[]],
  'lib/cart/errors.ts#ProductWithdrawnError': [[7]],
  'lib/cart/errors.ts#EmptyCartError': [[]],
  'lib/cart/errors.ts#CartKeyReusedError': [[]],
  'lib/payments/errors.ts#PaymentUnavailableError': [['test']],
  'lib/payments/errors.ts#PaymentNotFoundError': [['pay_1']],
};
/** Classes whose first argument is the code itself: made with every code their throw sites pass. */
const CODE_FIRST = new Set(['DomainError', 'PaymentError', 'PaymentRequestError', 'PaymentStateError']);

type ErrorClass = new (...args: unknown[]) => Error;

async function everyRefusal(): Promise<Error[]> {
  const files = sourceFiles(path.join(root, 'lib')).map((f) => path.relative(root, f));
  const sources = new Map(files.map((f) => [f, fs.readFileSync(path.join(root, f), 'utf8')]));
  // Which classes are DomainErrors: the `extends` chains, followed from DomainError.
  const parents = new Map<string, { file: string; parent: string }>();
  for (const [file, text] of sources)
    for (const m of text.matchAll(/export class (\w+) extends (\w+)/g)) parents.set(`${file}#${m[1]}`, { file, parent: m[2]! });
  const isDomain = (key: string, seen = 0): boolean => {
    const p = parents.get(key);
    if (!p || seen > 5) return false;
    if (p.parent === 'DomainError') return true;
    const parentKey =
      [...parents.keys()].find((k) => k.endsWith(`#${p.parent}`) && parents.get(k)!.file === p.file) ??
      [...parents.keys()].find((k) => k.endsWith(`#${p.parent}`));
    return parentKey !== undefined && isDomain(parentKey, seen + 1);
  };
  const domainClasses = [...parents.keys()].filter((k) => isDomain(k));
  expect(domainClasses.length).toBeGreaterThan(60);

  const load = async (file: string) => modules[file.replace(/^lib\//, '../')]!();
  const made: Error[] = [new PaymentConfigError('No payment provider "x" is registered.')];
  for (const key of domainClasses) {
    const [file, name] = key.split('#') as [string, string];
    if (CODE_FIRST.has(name)) continue;
    expect(SAMPLES, `${key}: say in SAMPLES which arguments make each of its codes`).toHaveProperty([key]);
    const Class = (await load(file))[name] as ErrorClass;
    for (const args of SAMPLES[key]!) made.push(new Class(...args));
  }
  // Codes handed to a code-first class where it is thrown.
  const codeFirst: Record<string, ErrorClass> = {
    DomainError: DomainError as unknown as ErrorClass,
    PaymentRequestError: (await load('lib/payments/errors.ts')).PaymentRequestError as ErrorClass,
    PaymentStateError: (await load('lib/payments/errors.ts')).PaymentStateError as ErrorClass,
    PaymentError: (await load('lib/payments/errors.ts')).PaymentError as ErrorClass,
  };
  let literals = 0;
  for (const text of sources.values()) {
    for (const m of text.matchAll(/new (DomainError|PaymentError|PaymentRequestError|PaymentStateError)\(\s*'([a-z_]+)'/g)) {
      made.push(new codeFirst[m[1]!]!(m[2], 'English fallback'));
      literals++;
    }
  }
  expect(literals).toBeGreaterThan(5);
  return made;
}

describe('the one table of refusals', () => {
  it('has a sentence for every code thrown in lib/, in both languages, on every screen', async () => {
    const refusals = await everyRefusal();
    const codes = new Set<string>();
    for (const err of refusals) {
      const code = err instanceof DomainError ? err.code : 'payment_config';
      codes.add(code);
      expect(hasSentence(code), `${err.constructor.name} (${code}) has no sentence in lib/actions/refusals.ts`).toBe(true);
      for (const screen of SCREENS) {
        const productName = (skuId: number) => `Trail ${skuId}`;
        const [fr, en] = (['fr', 'en'] as const).map((locale) => sayRefusal(err as DomainError, { t: getDictionary(locale), locale, screen, productName }));
        const where = `${code} on ${screen}`;
        for (const said of [fr!, en!]) {
          expect(said.message.trim().length, where).toBeGreaterThan(5);
          expect(said.message, `${where}: a placeholder is left`).not.toMatch(/\{\w+\}/);
        }
        expect(fr!.message, `${where}: the French sentence is the domain's English`).not.toBe(err.message);
        expect(fr!.message, `${where}: the same sentence in both languages`).not.toBe(en!.message);
      }
    }
    expect(codes.size).toBeGreaterThan(90);
  });

  it('says a code the table does not know yet generically, in the visitor’s language', () => {
    const said = sayRefusal(new DomainError('brand_new_code', 'Something new happened.'), { t: getDictionary('fr'), locale: 'fr', screen: 'cart' });
    expect(said.message).toBe(getDictionary('fr').errors.unknown);
  });

  it('names the products whose price moved since the checkout page was drawn, with the new price and the one shown', () => {
    const err = new PriceChangedError([{ skuId: 7, shownCents: 4999, nowCents: 5499 }]);
    const productName = (skuId: number) => (skuId === 7 ? 'Trail 42' : undefined);
    const say = (locale: 'fr' | 'en') => sayRefusal(err, { t: getDictionary(locale), locale, screen: 'checkout', productName }).message;
    expect(say('en')).toBe('The price of “Trail 42” has just changed: €54.99 instead of €49.99. Check the new total and place your order again.');
    expect(say('fr').replace(/\s/g, ' ')).toBe(
      'Le prix de « Trail 42 » vient de changer : 54,99 € au lieu de 49,99 €. Vérifiez le nouveau total puis validez à nouveau.',
    );
  });

  it('says out of stock the way each screen always has', () => {
    const t = getDictionary('en');
    const out = async (screen: (typeof SCREENS)[number], available: number) => {
      const { OutOfStockError } = (await modules['../inventory/holds.ts']!()) as { OutOfStockError: ErrorClass };
      return sayRefusal(new OutOfStockError(7, available) as DomainError, { t, locale: 'en', screen, productName: () => 'Trail 42' });
    };
    return Promise.all([
      out('checkout', 2).then((s) => expect(s.message).toBe('Only 2 “Trail 42” left here. Lower the quantity or change shop.')),
      out('reserve', 0).then((s) => expect(s).toEqual({ message: t.reservations.soldOutHere, field: 'quantity' })),
      out('till', 1).then((s) => expect(s.message).toBe('Trail 42: only 1 left on the shelf here.')),
      out('till-delivery', 0).then((s) => expect(s.message).toBe(t.till.webOut)),
    ]);
  });
});
