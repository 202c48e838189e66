import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeReturnCode, newReturnCode } from './code';
import { refundCentsFor } from './refund';

describe('refundCentsFor', () => {
  it('refunds goods at the price paid when no points were used', () => {
    expect(refundCentsFor(0, 4000, 6000, 0)).toBe(4000);
  });

  it('returning every unit, in any split, gives back exactly subtotal − discount, and never a negative part', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50_000 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 100 }), (parts, discountPct) => {
        const subtotal = parts.reduce((a, b) => a + b, 0);
        const discount = Math.floor((subtotal * discountPct) / 100);
        let before = 0;
        let refunded = 0;
        for (const p of parts) {
          const r = refundCentsFor(before, p, subtotal, discount);
          expect(r).toBeGreaterThanOrEqual(0);
          expect(r).toBeLessThanOrEqual(p);
          refunded += r;
          before += p;
        }
        expect(refunded).toBe(subtotal - discount);
      }),
    );
  });
});

describe('return codes', () => {
  it('are R- and six unambiguous characters, and read back however they are typed', () => {
    for (let i = 0; i < 200; i++) {
      const code = newReturnCode();
      expect(code).toMatch(/^R-[A-HJ-NP-Z2-9]{6}$/);
      expect(normalizeReturnCode(code.toLowerCase().replace('-', ' '))).toBe(code);
      expect(normalizeReturnCode(code.replace('-', ''))).toBe(code);
    }
    expect(normalizeReturnCode('R-ABC0EF')).toBeNull();
    expect(normalizeReturnCode('CMD-ABCDEFGH')).toBeNull();
    expect(normalizeReturnCode('')).toBeNull();
  });
});
