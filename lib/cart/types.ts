import type { FulfilmentMode } from './schema';

export type { FulfilmentMode };

/** How a visitor's cart is found: by account once signed in, by the cookie's token before. */
export type CartRef = { customerId: number } | { token: string };

export type CartLine = {
  skuId: number;
  productSlug: string;
  productName: string;
  brand: string;
  image: string | null;
  size: string | null;
  colour: string | null;
  quantity: number;
  /** Today's price (skus.price_cents); an order snapshots it. */
  unitPriceCents: number;
  lineTotalCents: number;
};

export type Cart = {
  id: number;
  fulfilment: FulfilmentMode;
  /** The drive store chosen last (kept while home delivery is chosen), or null. */
  driveStoreId: number | null;
  lines: CartLine[];
  subtotalCents: number;
  /** Units across lines (what the header shows). */
  units: number;
};

export type LineAvailability = { skuId: number; quantity: number; available: number; ok: boolean };

export type CartAvailability = {
  mode: FulfilmentMode;
  /** The warehouse (home delivery) or the drive store; null when there is none. */
  locationId: number | null;
  lines: LineAvailability[];
  /** Every line can be served (false for an empty cart: nothing to order). */
  allAvailable: boolean;
};

export type Origin = { lat: number; lng: number };

export type DriveStoreOption = {
  storeId: number;
  slug: string;
  name: string;
  town: string;
  /** From the origin; null when no origin is known (then the list is by name). */
  distanceKm: number | null;
  /** Cart lines this store cannot serve in full (0: it has them all). */
  missingLines: number;
};

/** What checkout reads under the cart's lock: today's prices, to snapshot into the order. */
export type CheckoutLine = { skuId: number; quantity: number; unitPriceCents: number };
