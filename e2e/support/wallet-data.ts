import { sql } from 'drizzle-orm';
import type { Db } from '../../lib/db/client';
import { DEMO_STAFF_STORE_SLUGS } from '../../lib/db/seed/users';
// Run with --conditions=react-server (e2e/support/server.ts): domain modules import 'server-only'.
import { joinLoyalty } from '../../lib/loyalty/commands';
import { creditStoreCredit } from '../../lib/wallet/commands';
import { upsertAccount } from './accounts';
import type { SkuRef, StoreRef } from './data';

/*
 * The wallet journeys (e2e/wallet.spec.ts): at Lyon Part-Dieu's till, a SKU of its own (a few
 * units, nothing held, not the till journey's); a web SKU for the order online; a member whose
 * store credit pays that till SKU and €5 more, so the rest of it goes online with a card for the
 * rest; a shopper who buys a gift card online and pays with it at the till. One member and one
 * buyer per attempt (`testInfo.retry`): the first attempt spends its member's credit and leaves its
 * buyer with a gift card in the wallet.
 */
export const WALLET_PASSWORD = 'wallet-journey-4242';

export type WalletData = {
  store: StoreRef;
  tillSku: SkuRef & { priceCents: number };
  giftSku: SkuRef & { priceCents: number };
  webSku: SkuRef & { priceCents: number };
  members: WalletMember[];
  buyers: { name: string; email: string; password: string }[];
};
export type WalletMember = { name: string; email: string; password: string; cardNumber: string; creditCents: number };

// Fixed keys: with E2E_SKIP_SETUP=1 this step runs again on the same database.
const shopper = (db: Db, who: { name: string; email: string }) => upsertAccount(db, { ...who, password: WALLET_PASSWORD }, 'shopper');

export async function walletJourneyData(db: Db, taken: number[]): Promise<WalletData> {
  const stores = await db.execute<StoreRef>(sql`SELECT location_id AS id, slug, name FROM stores WHERE slug = ${DEMO_STAFF_STORE_SLUGS[0]}`);
  const store = stores.rows[0];
  if (!store) throw new Error('e2e-data: no store for the wallet journeys');
  const avoid = taken.length > 0 ? sql`AND k.id NOT IN (${sql.join(taken, sql`, `)})` : sql``;
  const shelf = await db.execute<SkuRef & { priceCents: number }>(sql`
    SELECT k.id AS "skuId", k.ean13 AS ean, p.slug AS "productSlug", p.name_en AS "productName",
           st.on_hand AS "onHand", st.reserved, k.price_cents AS "priceCents"
    FROM stock st JOIN skus k ON k.id = st.sku_id JOIN products p ON p.id = k.product_id
    WHERE st.location_id = ${store.id} AND st.on_hand BETWEEN 5 AND 40 AND st.reserved = 0 AND k.price_cents BETWEEN 1000 AND 4000
      AND k.id NOT IN (SELECT sku_id FROM stock WHERE location_id = ${store.id} ORDER BY sku_id DESC LIMIT 50) ${avoid}
    ORDER BY md5('wallet' || k.id::text) LIMIT 2`);
  const [tillSku, giftSku] = shelf.rows;
  if (!tillSku || !giftSku) throw new Error('e2e-data: no SKUs for the wallet journeys');
  const web = await db.execute<SkuRef & { priceCents: number }>(sql`
    SELECT k.id AS "skuId", k.ean13 AS ean, p.slug AS "productSlug", p.name_en AS "productName",
           w.on_hand AS "onHand", w.reserved, k.price_cents AS "priceCents"
    FROM skus k JOIN products p ON p.id = k.product_id
    JOIN stock w ON w.sku_id = k.id AND w.location_id = (SELECT id FROM locations WHERE kind = 'warehouse' ORDER BY id LIMIT 1)
    WHERE w.on_hand - w.reserved >= 5 AND k.price_cents BETWEEN 1500 AND 4000 AND k.id NOT IN (${tillSku.skuId}, ${giftSku.skuId})
      AND k.id NOT IN (SELECT id FROM skus ORDER BY id DESC LIMIT 50) ${avoid}
    ORDER BY md5('wallet-web' || k.id::text) LIMIT 1`);
  const webSku = web.rows[0];
  if (!webSku) throw new Error('e2e-data: no web SKU for the wallet journey');

  const member = async (name: string, email: string, key: string): Promise<WalletMember> => {
    const who = { name, email, password: WALLET_PASSWORD, creditCents: tillSku.priceCents + 500 };
    const memberId = await shopper(db, who);
    const { cardNumber } = await joinLoyalty(memberId, { tx: db });
    await db.transaction((tx) =>
      creditStoreCredit(tx as unknown as Db, { customerId: memberId, amountCents: who.creditCents, kind: 'adjust', key, note: 'e2e' }),
    );
    return { ...who, cardNumber };
  };
  const members = [
    await member('Maëlle Avoir', 'wallet-member@example.com', 'e2e-wallet-credit'),
    await member('Théo Avoir', 'wallet-member-2@example.com', 'e2e-wallet-credit-2'),
  ];
  const buyers = [
    { name: 'Jules Cadeau', email: 'wallet-buyer@example.com', password: WALLET_PASSWORD },
    { name: 'Lina Cadeau', email: 'wallet-buyer-2@example.com', password: WALLET_PASSWORD },
  ];
  for (const buyer of buyers) await shopper(db, buyer);
  return { store, tillSku, giftSku, webSku, members, buyers };
}
