import { DriveSuggestion } from '@/components/cart/drive-suggestion';
import { FulfilmentForm, type DriveStoreChoice } from '@/components/cart/fulfilment-form';
import { refusalCode } from '@/lib/actions/refusals';
import { pickDriveSuggestion } from '@/lib/cart/drive-suggestion';
import { cartAvailability, listDriveStoresForCart } from '@/lib/cart/queries';
import type { Cart, CartAvailability, DriveStoreOption, FulfilmentMode, Origin } from '@/lib/cart/types';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatDistance, formatMessage, interpolate } from '@/lib/i18n/format';
import { getLocale } from '@/lib/i18n/server';
import { getMyStoreId } from '@/lib/stores/my-store';
import { resolvePlace } from '@/lib/stores/places';
import { getStoreById } from '@/lib/stores/queries';
import { setFulfilmentAction } from './set-fulfilment-action';
import { localizedPath } from '@/lib/routing/public-url';

type Texts = Dictionary['cart'];

export type FulfilmentData = {
  mode: FulfilmentMode;
  /** The cart's drive store (null: none chosen yet). */
  driveStore: DriveStoreOption | null;
  /** Preselected when switching to drive: the cart's store, else my store if it has drive. */
  defaultStoreId: number | null;
  stores: DriveStoreChoice[];
  suggestion: { storeId: number; text: string } | null;
  /** No store chosen, none of mine, and nowhere to measure from: the cart asks for a drive store rather than guess one. */
  chooseDriveStore: boolean;
  noneHasAll: boolean;
  near: { asked: string; found: string | null } | null;
  marks: Map<number, string>;
  checkoutBlocked: string | null;
  hasLines: boolean;
  /** The cart page in the shopper's language: the postcode search's GET form goes there. */
  cartPath: string;
};

/** Where "nearest" is measured from: a place typed on the page, else my store. */
async function originOf(near: string | undefined): Promise<{ origin: Origin | null; near: FulfilmentData['near']; myStoreId: number | null }> {
  const myStoreId = await getMyStoreId();
  const asked = near?.trim().slice(0, 100);
  if (asked) {
    const place = await resolvePlace(asked);
    if (place) return { origin: place, near: { asked, found: `${place.name} (${place.postcode})` }, myStoreId };
  }
  const myStore = myStoreId ? await getStoreById(myStoreId) : null;
  return { origin: myStore, near: asked ? { asked, found: null } : null, myStoreId: myStore?.id ?? null };
}

function markFor(mode: FulfilmentMode, storeName: string, available: number, t: Texts): string {
  if (mode === 'delivery') return available > 0 ? interpolate(t.unavailableDeliveryLeft, { count: available }) : t.unavailableDelivery;
  return available > 0 ? interpolate(t.unavailableDriveLeft, { store: storeName, count: available }) : interpolate(t.unavailableDrive, { store: storeName });
}

/** Everything the cart page needs about delivery or drive: one query per figure. */
export async function loadFulfilment({ cart, near, t }: { cart: Cart | null; near: string | undefined; t: Texts }): Promise<FulfilmentData> {
  const [locale, from] = await Promise.all([getLocale(), originOf(near)]);
  const hasLines = (cart?.lines.length ?? 0) > 0;
  const stores = await listDriveStoresForCart(hasLines ? cart!.id : null, from.origin);
  const mode = cart?.fulfilment ?? 'delivery';
  const driveStore = stores.find((s) => s.storeId === cart?.driveStoreId) ?? null;
  let availability: CartAvailability | null = null;
  if (cart && hasLines && (mode === 'delivery' || driveStore)) {
    try {
      availability = await cartAvailability(cart.id, mode, mode === 'drive' ? driveStore!.storeId : null);
    } catch (err) {
      if (refusalCode(err) !== 'store_without_drive') throw err;
    }
  }
  const marks = new Map<number, string>();
  for (const line of availability?.lines ?? []) {
    if (!line.ok) marks.set(line.skuId, markFor(mode, driveStore?.name ?? '', line.available, t));
  }
  const needsBetter = hasLines && (!availability || !availability.allAvailable);
  // From my store, else the shopper's position, else no guess (never the first store by name).
  const pick = needsBetter
    ? pickDriveSuggestion(stores, {
        myStoreId: from.myStoreId,
        positionKnown: from.origin !== null,
        currentStoreId: mode === 'drive' ? (driveStore?.storeId ?? null) : null,
      })
    : ({ kind: 'none' } as const);
  const best = pick.kind === 'store' ? pick.store : undefined;
  const distance = (s: DriveStoreOption) => (s.distanceKm === null ? null : formatDistance(s.distanceKm, locale));
  const label = (s: DriveStoreOption) => {
    const d = distance(s);
    // Distances are from my store unless a place was typed: my store itself is "my store", not "10 m".
    const mine = s.storeId === from.myStoreId && !from.near?.found;
    const base = mine
      ? interpolate(t.storeOptionMine, { name: s.name })
      : d
        ? interpolate(t.storeOptionDistance, { name: s.name, distance: d })
        : interpolate(t.storeOption, { name: s.name });
    if (!hasLines) return base;
    return s.missingLines === 0
      ? interpolate(t.storeOptionAll, { label: base })
      : formatMessage(t.storeOptionMissing, { label: base, count: s.missingLines }, locale);
  };
  const myDrive = stores.find((s) => s.storeId === from.myStoreId)?.storeId ?? null;
  let checkoutBlocked: string | null = null;
  if (!hasLines) checkoutBlocked = t.checkoutEmpty;
  else if (mode === 'drive' && !driveStore) checkoutBlocked = t.checkoutChooseStore;
  else if (!availability?.allAvailable) checkoutBlocked = t.checkoutUnavailable;
  return {
    mode,
    driveStore,
    defaultStoreId: driveStore?.storeId ?? myDrive,
    stores: stores.map((s) => ({ storeId: s.storeId, label: label(s) })),
    suggestion: best
      ? {
          storeId: best.storeId,
          text: distance(best)
            ? interpolate(t.allAvailableAt, { store: best.name, distance: distance(best)! })
            : interpolate(t.allAvailableAtNoDistance, { store: best.name }),
        }
      : null,
    chooseDriveStore: pick.kind === 'choose',
    noneHasAll: needsBetter && mode === 'drive' && pick.kind === 'none',
    near: from.near,
    marks,
    checkoutBlocked,
    hasLines,
    cartPath: localizedPath('/cart', locale),
  };
}

/** Delivery or drive, the store picker (nearest first), and the nearest drive store with everything. */
export function FulfilmentPanel({ data, t }: { data: FulfilmentData; t: Texts }) {
  const { fulfilmentTitle, delivery, deliveryHint, drive, driveHint, driveStore, chooseStore, saveChoice } = t;
  return (
    <div className="space-y-3">
      <FulfilmentForm
        key={`${data.mode}-${data.driveStore?.storeId ?? 'none'}`}
        mode={data.mode}
        storeId={data.mode === 'drive' ? (data.driveStore?.storeId ?? null) : data.defaultStoreId}
        stores={data.stores}
        t={{ fulfilmentTitle, delivery, deliveryHint, drive, driveHint, driveStore, chooseStore, saveChoice }}
        action={setFulfilmentAction}
      />
      {data.mode === 'drive' && (
        <form action={data.cartPath} method="get" className="flex flex-wrap items-end gap-2 card p-4" data-testid="near-form">
          <div className="min-w-0 flex-1">
            <label htmlFor="cart-near" className="label">
              {t.nearPostcode}
            </label>
            <input id="cart-near" name="near" defaultValue={data.near?.asked ?? ''} maxLength={100} autoComplete="postal-code" className="input" />
          </div>
          <button type="submit" className="btn-secondary">
            {t.nearSubmit}
          </button>
          {data.near && (
            <p className="w-full text-sm text-muted" role="status">
              {data.near.found ? interpolate(t.nearestFrom, { place: data.near.found }) : t.nearUnknown}
            </p>
          )}
        </form>
      )}
      {data.suggestion && (
        <DriveSuggestion storeId={data.suggestion.storeId} text={data.suggestion.text} switchLabel={t.switchStore} action={setFulfilmentAction} />
      )}
      {data.chooseDriveStore && (
        <p className="rounded-lg border border-brand-100 bg-brand-50 p-3 text-sm font-medium" data-testid="drive-choose-store">
          {t.chooseDriveStore}
        </p>
      )}
      {data.noneHasAll && (
        <p className="text-sm text-muted" data-testid="no-drive-has-all">
          {t.noDriveHasAll}
        </p>
      )}
    </div>
  );
}
