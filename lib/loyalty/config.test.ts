import { afterEach, describe, expect, it, vi } from 'vitest';
import { discountForPoints, getLoyaltyRules, maxRedeemablePoints, pointsForSpend, tierForSpend } from './config';

afterEach(() => vi.unstubAllEnvs());

describe('loyalty rules', () => {
  it('defaults: 1 point per euro, 100 points = €5, 12 months, Member / Silver / Gold', () => {
    const r = getLoyaltyRules();
    expect(r).toMatchObject({ pointsPerEuro: 1, redeemStepPoints: 100, redeemStepCents: 500, expiryMonths: 12 });
    expect(r.tiers).toEqual([
      { id: 'member', minSpendCents: 0, multiplier: 1 },
      { id: 'silver', minSpendCents: 50_000, multiplier: 1.25 },
      { id: 'gold', minSpendCents: 150_000, multiplier: 1.5 },
    ]);
  });

  it('reads overrides from the environment and refuses nonsense', () => {
    vi.stubEnv('LOYALTY_POINTS_PER_EURO', '2');
    vi.stubEnv('LOYALTY_GOLD_MULTIPLIER', '2');
    vi.stubEnv('LOYALTY_REDEEM_STEP_POINTS', '50');
    const r = getLoyaltyRules();
    expect(r.pointsPerEuro).toBe(2);
    expect(r.redeemStepPoints).toBe(50);
    expect(pointsForSpend(r, 1000, 2)).toBe(40);
    vi.stubEnv('LOYALTY_EXPIRY_MONTHS', 'soon');
    expect(() => getLoyaltyRules()).toThrow(/LOYALTY_EXPIRY_MONTHS/);
    vi.stubEnv('LOYALTY_EXPIRY_MONTHS', '12');
    vi.stubEnv('LOYALTY_GOLD_MIN_SPEND_CENTS', '100');
    expect(() => getLoyaltyRules()).toThrow(/GOLD/);
  });

  it('floors points without float slips, and picks the tier by spend', () => {
    const r = getLoyaltyRules();
    expect(pointsForSpend(r, 1999, 1.25)).toBe(24);
    expect(pointsForSpend(r, 8000, 1.25)).toBe(100); // 80 × 1.25 exactly
    expect(pointsForSpend(r, 99, 1)).toBe(0);
    expect(pointsForSpend(r, -500, 1)).toBe(0);
    expect(tierForSpend(r, 49_999).tier.id).toBe('member');
    expect(tierForSpend(r, 50_000)).toMatchObject({ tier: { id: 'silver' }, next: { id: 'gold' } });
    expect(tierForSpend(r, 10_000_000)).toMatchObject({ tier: { id: 'gold' }, next: null });
  });

  it('offers whole steps within the balance and the bill', () => {
    const r = getLoyaltyRules();
    expect(discountForPoints(r, 250)).toBe(1000);
    expect(maxRedeemablePoints(r, 350, 10_000)).toBe(300);
    expect(maxRedeemablePoints(r, 1000, 1_200)).toBe(200); // €12 bill: two steps
    expect(maxRedeemablePoints(r, 99, 10_000)).toBe(0);
  });
});
