import fs from 'node:fs';
import path from 'node:path';
import type { CardJourneyData } from './card-data';
import type { DriveDeskData } from './drive-desk-data';
import type { ReturnsJourneyData } from './returns-data';
import type { SubstitutesJourneyData } from './substitutes-data';
import type { TillData } from './till-data';
import type { WalletData } from './wallet-data';

/**
 * Facts about the freshly seeded e2e database, written by e2e/support/server.ts before the server
 * starts (the PGlite folder is the server's alone afterwards). Journeys that change stock each get
 * their own SKU here, so they never read each other's figures.
 */
export type StoreRef = { id: number; slug: string; name: string };
export type SkuRef = { skuId: number; ean: string; productSlug: string; productName: string; onHand: number; reserved: number };
/** A click & reserve reservation placed by the data step. */
export type ReservationRef = { id: number; code: string; customerName: string };
export type E2eData = {
  lyon: StoreRef;
  villeurbanne: StoreRef;
  paris: StoreRef;
  /** A product with sizes, in the shoes department. */
  browseProductSlug: string;
  /** Out of stock at Lyon Part-Dieu, one per Playwright project: the staff delivery journey receives units of it. */
  deliverySkus: Record<'desktop' | 'phone', SkuRef>;
  /** Out of stock at Lyon Part-Dieu, one per project: the live-availability journey receives units of it while a shopper watches. */
  liveSkus: Record<'desktop' | 'phone', SkuRef>;
  /** Out of stock at Lyon Part-Dieu, nothing held: the API journey posts a count of it with a key, then a shopper orders it from the web warehouse. */
  apiSku: SkuRef;
  /** Has reserved units at Lyon Part-Dieu: a count below them must be refused. */
  reservedSku: SkuRef;
  /**
   * The pickup desk journey at Lyon Part-Dieu, one set per Playwright project: a SKU for the demo
   * shopper to reserve through the shop (plenty on the shelf, nothing held), and a reservation
   * placed for another customer, which the desk cancels.
   */
  pickupDesk: Record<'desktop' | 'phone', { sku: SkuRef & { priceCents: number }; cancel: ReservationRef }>;
  /** One unit on the shelf at Lyon Part-Dieu, nothing held, one per project: the last-unit journey reserves it while another shopper watches. */
  lastUnitSkus: Record<'desktop' | 'phone', SkuRef>;
  /** The shopper reservation journey's shop (click & reserve) and its SKUs, one per project (e2e/support/reserve-data.ts). */
  reserve: { store: StoreRef; skus: Record<'desktop' | 'phone', SkuRef> };
  /** The staff desks journey: drive and home-delivery orders placed for it, one per project (e2e/support/drive-desk-data.ts). */
  driveDesk: DriveDeskData;
  /** The checkout journeys' own drive store (cut-off 0, a slot every quarter hour), its staff member and SKUs (e2e/support/orders-data.ts). */
  orders: { driveStore: StoreRef; driveSku: SkuRef; deliverySku: SkuRef; staff: { email: string; password: string; name: string } };
  /** The drive substitutions journey, at the checkout journeys' drive store: two SKUs and the substitute picked for each (e2e/support/substitutes-data.ts). */
  substitutes: SubstitutesJourneyData;
  /**
   * The cart journey (e2e/support/cart-data.ts): SKUs the web warehouse ships; a drive store as my
   * store where `driveSku` is sold out; the nearest drive store that has it.
   */
  cart: { anySku: SkuRef; otherSku: SkuRef; driveSku: SkuRef; myDriveStore: StoreRef; suggestedStore: StoreRef };
  /** The offline card journey's member: 612 points, Silver, points lapsing soon (e2e/support/card-data.ts). */
  card: CardJourneyData;
  /** The till journey (e2e/support/till-data.ts): a SKU at Lyon Part-Dieu and a loyalty member with points. */
  till: TillData;
  /** The wallet journeys (e2e/support/wallet-data.ts): a member with store credit, a gift card buyer, their SKUs. */
  wallet: WalletData;
  /** The returns journey (e2e/support/returns-data.ts): its shop with a returns desk, its SKU (none on that shelf), a delivered order and its staff member. */
  returns: ReturnsJourneyData;
  /** The import journey (e2e/import.spec.ts): two products no other journey reads, each with the SKU its page shows first. */
  imports: Record<'product' | 'other', { skuId: number; ean: string; productSlug: string; productName: string; priceCents: number }>;
};

// Beside the database it describes: two e2e runs on their own folders (E2E_PGLITE_DIR, as when
// several people test at once) must not read each other's reservation codes.
export const E2E_DATA_FILE = process.env.E2E_PGLITE_DIR
  ? path.resolve(`${process.env.E2E_PGLITE_DIR}-data.json`)
  : path.join(process.cwd(), '.data', 'e2e-data.json');

let cached: E2eData | undefined;
export function e2eData(): E2eData {
  cached ??= JSON.parse(fs.readFileSync(E2E_DATA_FILE, 'utf8')) as E2eData;
  return cached;
}
