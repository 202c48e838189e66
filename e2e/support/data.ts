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
export type Project = 'desktop' | 'phone';
/** Facts for each Playwright project, one set per attempt (`forProjectAttempt`). */
export type PerProjectAttempt<T> = Record<Project, T[]>;
export type E2eData = {
  lyon: StoreRef;
  villeurbanne: StoreRef;
  paris: StoreRef;
  /** A product with sizes, in the shoes department. */
  browseProductSlug: string;
  /** Out of stock at Lyon Part-Dieu, one per Playwright project and attempt: the staff delivery journey receives units of it. */
  deliverySkus: PerProjectAttempt<SkuRef>;
  /** Out of stock at Lyon Part-Dieu, one per project and attempt: the live-availability journey receives units of it while a shopper watches. */
  liveSkus: PerProjectAttempt<SkuRef>;
  /** Out of stock at Lyon Part-Dieu, nothing held: the API journey posts a count of it with a key, then a shopper orders it from the web warehouse. */
  apiSku: SkuRef;
  /** Has reserved units at Lyon Part-Dieu: a count below them must be refused. */
  reservedSku: SkuRef;
  /**
   * The pickup desk journey at Lyon Part-Dieu, one set per Playwright project and attempt: a SKU
   * for the demo shopper to reserve through the shop (plenty on the shelf, nothing held), and a
   * reservation placed for another customer, which the desk cancels.
   */
  pickupDesk: PerProjectAttempt<{ sku: SkuRef & { priceCents: number }; cancel: ReservationRef }>;
  /** One unit on the shelf at Lyon Part-Dieu, nothing held, one per project and attempt: the last-unit journey reserves it while another shopper watches. */
  lastUnitSkus: PerProjectAttempt<SkuRef>;
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
  /** The returns journey (e2e/support/returns-data.ts): its shop with a returns desk and its staff member; per attempt, a SKU (none on that shelf) and a shopper. */
  returns: ReturnsJourneyData;
  /** The import journeys (e2e/import.spec.ts), one set per attempt: two products no other journey reads, each with the SKU its page shows first. */
  imports: Record<'product' | 'other', { skuId: number; ean: string; productSlug: string; productName: string; priceCents: number }>[];
};

// Beside the database it describes: two e2e runs on their own folders (E2E_PGLITE_DIR, as when
// several people test at once) must not read each other's reservation codes.
export const E2E_DATA_FILE = process.env.E2E_PGLITE_DIR
  ? path.resolve(`${process.env.E2E_PGLITE_DIR}-data.json`)
  : path.join(process.cwd(), '.data', 'e2e-data.json');

/**
 * Attempts a journey may make: CI retries a failed journey once (playwright.config.ts). A journey
 * that changes what it then asserts (a count, a price, an order moved on) gets one set of facts per
 * attempt, so its retry starts from data the first attempt never touched.
 */
export const ATTEMPTS = 2;

/** This attempt's facts (`testInfo.retry` 0 for the first attempt, 1 for the retry). */
export function forAttempt<T>(sets: readonly T[], testInfo: { retry: number; title: string }): T {
  const set = sets[testInfo.retry];
  if (set === undefined) throw new Error(`e2e-data holds facts for ${sets.length} attempts of "${testInfo.title}"; this is attempt ${testInfo.retry + 1}`);
  return set;
}

/** This project's facts for this attempt. */
export function forProjectAttempt<T>(sets: PerProjectAttempt<T>, testInfo: { retry: number; title: string; project: { name: string } }): T {
  return forAttempt(sets[testInfo.project.name === 'phone' ? 'phone' : 'desktop'], testInfo);
}

let cached: E2eData | undefined;
export function e2eData(): E2eData {
  cached ??= JSON.parse(fs.readFileSync(E2E_DATA_FILE, 'utf8')) as E2eData;
  return cached;
}
