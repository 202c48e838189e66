/**
 * What the card page draws: lib/loyalty's getLoyaltyCard() result and the rules it needs, with the
 * texts. Kept as plain data so these components never reach for the database.
 */
export type TierId = 'member' | 'silver' | 'gold';

export type CardView = {
  cardNumber: string;
  balance: number;
  tier: TierId;
  tierMultiplier: number;
  nextTier: { id: TierId; minSpendCents: number } | null;
  spend12mCents: number;
  asOf: Date;
  expiringSoon: { points: number; on: Date } | null;
};

export type RedeemRule = { redeemStepPoints: number; redeemStepCents: number };
