import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { insertDemoCarts } from './carts';
import { buildCatalog, insertCatalog } from './catalog';
import { insertDrive } from './drive';
import { createRng } from './prng';
import { insertDemoLoyalty } from './loyalty';
import { insertDemoOrders } from './orders';
import { insertDemoReservations } from './reservations';
import { insertDemoReturns } from './returns';
import { insertDemoStock, insertLargeStock } from './stock';
import { insertStores, storeSeeds } from './stores';
import { insertDemoShopperHistory } from './shopper-history';
import { hashDemoAccounts, insertUsers } from './users';

// Raw SQL throughout: demo data dated from the database's clock (now() - interval …) and written set-wise from
// generated arrays (unnest), once at setup. The catalogue, the shops and their stock come in through
// the import (lib/import), the way a retailer's files do, so its format is exercised on every start;
// the large (benchmark) scale's 5 million stock rows stay one INSERT … SELECT (stock.ts).

export type SeedScale = 'demo' | 'large';
export type SeedSummary = Record<string, number>;

export interface SeedOptions {
  scale: SeedScale;
  /** 'YYYY-MM-DD'; public-holiday closures cover the twelve months from this day. Defaults to today. */
  today?: string;
}

/** At least this many SKUs at the large (benchmark) scale; with 520 shops, over 5 million stock rows. */
const LARGE_MIN_SKUS = 10_000;

/**
 * Deterministic seed: the same input gives the same catalogue, stores and stock. Each part draws
 * from its own PRNG stream, so growing one part does not reshuffle the others. All in one
 * transaction: a failed seed leaves the database empty, and `db-setup` will simply try again.
 */
export async function seed(db: Db, { scale, today = new Date().toISOString().slice(0, 10) }: SeedOptions): Promise<SeedSummary> {
  const accounts = await hashDemoAccounts();
  const summary = await db.transaction(async (tx) => {
    const placed = await insertStores(tx, storeSeeds(scale, createRng(101)), createRng(102), today);
    const catalogue = buildCatalog(createRng(201), scale === 'large' ? LARGE_MIN_SKUS : 0);
    const { skuIds } = await insertCatalog(tx, catalogue);
    const stockRows = scale === 'large' ? await insertLargeStock(tx) : await insertDemoStock(tx, createRng(301), placed.stores, placed.warehouseId, skuIds);
    const userCount = await insertUsers(tx, accounts, new Map(placed.stores.map((s) => [s.slug, s.id])));
    // Large scale is for benchmarks: its reserved units stay unbacked by reservations.
    const held = scale === 'demo' ? await insertDemoReservations(tx, createRng(401)) : { reservations: 0, customers: 0 };
    const drive = await insertDrive(tx, createRng(501), placed.stores, today, scale === 'demo');
    // The drive's booked places become real orders, holding their units (demo scale only).
    const orders = scale === 'demo' ? await insertDemoOrders(tx, createRng(601)) : { orders: 0, customers: 0 };
    const carts = scale === 'demo' ? await insertDemoCarts(tx, createRng(701)) : 0;
    // Members earn on the orders above, so this comes after them.
    const loyalty = scale === 'demo' ? await insertDemoLoyalty(tx, createRng(801)) : { members: 0, entries: 0 };
    // The demo shopper's shop visits of the last days and a cart she left.
    const history = scale === 'demo' ? await insertDemoShopperHistory(tx) : { sales: 0, cartLines: 0 };
    // Two booked returns of the demo shopper's delivered orders, at the demo staff member's desk.
    const returns = scale === 'demo' ? await insertDemoReturns(tx, createRng(802)) : 0;
    return {
      stores: placed.stores.length,
      warehouses: 1,
      storeHours: placed.hours,
      storeClosures: placed.closures,
      categories: new Set(catalogue.map((p) => p.category)).size,
      products: catalogue.length,
      skus: skuIds.length,
      stockRows,
      users: userCount + held.customers + orders.customers,
      reservations: held.reservations,
      ...drive,
      orders: orders.orders,
      carts: carts + (history.cartLines > 0 ? 1 : 0),
      returns,
      loyaltyMembers: loyalty.members,
      loyaltyEntries: loyalty.entries,
    };
  });
  // Fresh statistics, so the first queries plan against the real table sizes.
  await db.execute(sql`ANALYZE`);
  return summary;
}
