import { describe, expect, it } from 'vitest';
import { shownPricesSchema } from './checkout-inputs';

describe('the prices the checkout page showed', () => {
  it('the form says which prices it showed; anything else is not a price list', () => {
    expect(shownPricesSchema.parse('7:4999,12:100')).toEqual(
      new Map([
        [7, 4999],
        [12, 100],
      ]),
    );
    for (const bad of ['', '7', '7:', '7:1.5', '7:-1', 'a:1', '7:1,', '7:1;8:2']) expect(shownPricesSchema.safeParse(bad).success).toBe(false);
  });
});
