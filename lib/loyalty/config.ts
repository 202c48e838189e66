/*
 * Loyalty rules. Defaults: 1 point per euro, 100 points = €5 off, points last 12 months, tiers by
 * the last 12 months' spend (Member ×1, Silver from €500 ×1.25, Gold from €1,500 ×1.5).
 * Each is overridable by environment:
 *   LOYALTY_POINTS_PER_EURO          points per euro spent (decimal, default 1)
 *   LOYALTY_REDEEM_STEP_POINTS       points per redemption step (default 100)
 *   LOYALTY_REDEEM_STEP_CENTS        discount per step, cents (default 500)
 *   LOYALTY_EXPIRY_MONTHS            months a point lasts after it was earned (default 12)
 *   LOYALTY_TIER_WINDOW_MONTHS       spend window that sets the tier (default 12)
 *   LOYALTY_SILVER_MIN_SPEND_CENTS   default 50000;  LOYALTY_SILVER_MULTIPLIER default 1.25
 *   LOYALTY_GOLD_MIN_SPEND_CENTS     default 150000; LOYALTY_GOLD_MULTIPLIER   default 1.5
 *   LOYALTY_EXPIRING_SOON_DAYS       how far ahead the card warns of expiring points (default 30)
 *   LOYALTY_EXPIRY_SWEEP_SECONDS     how often the expiry job runs (lib/jobs, default 6 h)
 */

export type TierId = 'member' | 'silver' | 'gold';
export type LoyaltyTier = { id: TierId; minSpendCents: number; multiplier: number };

export type LoyaltyRules = {
  pointsPerEuro: number;
  redeemStepPoints: number;
  redeemStepCents: number;
  expiryMonths: number;
  tierWindowMonths: number;
  expiringSoonDays: number;
  /** Ascending by minSpendCents; the first is 0. */
  tiers: LoyaltyTier[];
};

function envNumber(name: string, fallback: number, min: number, max: number, integer: boolean): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isSafeInteger(n))) {
    throw new Error(`${name} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max} (got "${raw}")`);
  }
  return n;
}

export function getLoyaltyRules(): LoyaltyRules {
  const silver = envNumber('LOYALTY_SILVER_MIN_SPEND_CENTS', 50_000, 1, 1e9, true);
  const gold = envNumber('LOYALTY_GOLD_MIN_SPEND_CENTS', 150_000, 1, 1e9, true);
  if (gold <= silver) throw new Error('LOYALTY_GOLD_MIN_SPEND_CENTS must be above LOYALTY_SILVER_MIN_SPEND_CENTS');
  return {
    pointsPerEuro: envNumber('LOYALTY_POINTS_PER_EURO', 1, 0, 100, false),
    redeemStepPoints: envNumber('LOYALTY_REDEEM_STEP_POINTS', 100, 1, 100_000, true),
    redeemStepCents: envNumber('LOYALTY_REDEEM_STEP_CENTS', 500, 1, 1_000_000, true),
    expiryMonths: envNumber('LOYALTY_EXPIRY_MONTHS', 12, 1, 120, true),
    tierWindowMonths: envNumber('LOYALTY_TIER_WINDOW_MONTHS', 12, 1, 120, true),
    expiringSoonDays: envNumber('LOYALTY_EXPIRING_SOON_DAYS', 30, 1, 365, true),
    tiers: [
      { id: 'member', minSpendCents: 0, multiplier: 1 },
      { id: 'silver', minSpendCents: silver, multiplier: envNumber('LOYALTY_SILVER_MULTIPLIER', 1.25, 1, 10, false) },
      { id: 'gold', minSpendCents: gold, multiplier: envNumber('LOYALTY_GOLD_MULTIPLIER', 1.5, 1, 10, false) },
    ],
  };
}

/** The tier a rolling spend earns, and the next one up (null at the top). */
export function tierForSpend(rules: LoyaltyRules, spendCents: number): { tier: LoyaltyTier; next: LoyaltyTier | null } {
  let index = 0;
  rules.tiers.forEach((t, i) => {
    if (spendCents >= t.minSpendCents) index = i;
  });
  return { tier: rules.tiers[index]!, next: rules.tiers[index + 1] ?? null };
}

/**
 * Points for a spend: floor(euros × points per euro × multiplier). Worked in hundredths of a
 * point, so 1.25 × €19.99 is 24 and not a float's 24.999….
 */
export function pointsForSpend(rules: LoyaltyRules, spendCents: number, multiplier: number): number {
  if (spendCents <= 0) return 0;
  const hundredths = Math.round(rules.pointsPerEuro * 100) * Math.round(multiplier * 100);
  return Math.floor((spendCents * hundredths) / 1_000_000);
}
