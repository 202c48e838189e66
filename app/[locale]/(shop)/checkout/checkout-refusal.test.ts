import { describe, expect, it } from 'vitest';
import type { CartLine } from '@/lib/cart/types';
import { getDictionary } from '@/lib/i18n/dictionary';
import { PriceChangedError } from '@/lib/orders/errors';
import { checkoutRefusal, shownPricesSchema } from './checkout-refusal';

const line = (skuId: number, productName: string, unitPriceCents: number): CartLine => ({
  skuId,
  productSlug: `p-${skuId}`,
  productName,
  brand: 'Alpéa',
  image: null,
  size: null,
  colour: null,
  quantity: 1,
  unitPriceCents,
  lineTotalCents: unitPriceCents,
});
const values = { name: '', address: '', postcode: '', town: '', phone: '' };

describe('a price that moved since the checkout page was drawn', () => {
  const err = new PriceChangedError([{ skuId: 7, shownCents: 4999, nowCents: 5499 }]);
  const lines = [line(7, 'Trail 42', 5499)];

  it('is refused with the new price and the one shown, in each language', () => {
    const en = checkoutRefusal(err, { locale: 'en', t: getDictionary('en'), lines, values, slotRefused: 0 });
    expect(en.message).toBe('The price of “Trail 42” has just changed: €54.99 instead of €49.99. Check the new total and place your order again.');
    const fr = checkoutRefusal(err, { locale: 'fr', t: getDictionary('fr'), lines, values, slotRefused: 0 });
    expect(fr.message?.replace(/\s/g, ' ')).toBe(
      'Le prix de « Trail 42 » vient de changer : 54,99 € au lieu de 49,99 €. Vérifiez le nouveau total puis validez à nouveau.',
    );
  });

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
