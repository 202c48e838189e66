import { sql } from 'drizzle-orm';
import type { Db } from '../../lib/db/client';
import { joinLoyalty, earnPoints } from '../../lib/loyalty/commands';
import { formatCardNumber } from '../../lib/loyalty/card-number';
import { upsertAccount } from './accounts';
import type { StoreRef } from './data';

/*
 * The offline card journey (e2e/card-offline.spec.ts): a shopper of its own, a member for a year,
 * with two purchases — €450 in store eleven months and twenty days ago (its 450 points lapse within
 * the month: the card warns) and €162.40 online ten days ago (162 points, still at ×1: the spend
 * before it was under Silver's €500). So: 612 points, worth €30 off, Silver ×1.25, €612.40 of the
 * €1,500 Gold needs. Keyed entries and an upserted account, so the data step can run twice.
 */
export const CARD_SHOPPER = { email: 'card-journey@example.com', password: 'card-journey-4242', name: 'Lou Carte' } as const;

export type CardJourneyData = { email: string; password: string; cardNumber: string; grouped: string; balance: number };

const DAY = 24 * 3600 * 1000;

export async function cardJourneyData(db: Db, store: StoreRef): Promise<CardJourneyData> {
  const customerId = await upsertAccount(db, CARD_SHOPPER, 'shopper');
  const now = Date.now();
  const { cardNumber } = await joinLoyalty(customerId, { at: new Date(now - 365 * DAY) });
  await db.transaction(async (tx) => {
    await earnPoints(tx, { customerId, spendCents: 45_000, channel: 'store', storeId: store.id, key: 'e2e-card-journey-1', at: new Date(now - 355 * DAY) });
    await earnPoints(tx, { customerId, spendCents: 16_240, channel: 'web', storeId: null, key: 'e2e-card-journey-2', at: new Date(now - 10 * DAY) });
  });
  const balance = await db.execute<{ balance: number }>(sql`SELECT balance FROM loyalty_accounts WHERE customer_id = ${customerId}`);
  return {
    email: CARD_SHOPPER.email,
    password: CARD_SHOPPER.password,
    cardNumber,
    grouped: formatCardNumber(cardNumber),
    balance: Number(balance.rows[0]!.balance),
  };
}
