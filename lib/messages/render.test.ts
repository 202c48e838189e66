import { describe, expect, it } from 'vitest';
import { renderCartReminder } from './render';

const item = { skuId: 1, productSlug: 'veste', nameFr: 'Veste imperméable', nameEn: 'Rain jacket', size: 'M', colour: 'navy', quantity: 2, priceCents: 4990 };

describe('renderCartReminder', () => {
  it('writes the reminder in French: first name, each line with its size, colour, quantity and price, the cart link', () => {
    const r = renderCartReminder({ name: 'Camille Martin', items: [item], leftOut: [], cartUrl: 'http://localhost:3000/cart' }, 'fr');
    expect(r.subject).toBe('Camille, votre panier vous attend');
    expect(r.body).toMatch(/^Bonjour Camille,\n\nVous avez laissé ces articles dans votre panier :\n- Veste imperméable \(M · Marine\) × 2 — 99,80\s€\n/);
    expect(r.body).toContain('\nhttp://localhost:3000/cart\n');
    expect(r.body).not.toContain('acheté depuis');
  });

  it('in English, and says when items bought since were left out', () => {
    const r = renderCartReminder(
      {
        name: 'Hugo',
        items: [{ ...item, size: null, colour: null, quantity: 1 }],
        leftOut: [{ skuId: 2, nameFr: 'x', nameEn: 'x', boughtIn: 'store' }],
        cartUrl: 'https://shop.example/cart',
      },
      'en',
    );
    expect(r.subject).toBe('Hugo, your cart is waiting');
    expect(r.body).toContain('- Rain jacket × 1 — €49.90');
    expect(r.body).toContain('We left out what you have bought since.');
  });
});

describe('renderCartReminder’s HTML part', () => {
  it('the same items, escaped, in a table, with the cart link as a button, in the message’s language', () => {
    const r = renderCartReminder({ name: 'Camille', items: [{ ...item, nameFr: 'Veste <b>' }], leftOut: [], cartUrl: 'https://shop.example/cart' }, 'fr');
    expect(r.html).toContain('<html lang="fr">');
    expect(r.html).toContain('Veste &lt;b&gt; × 2');
    expect(r.html).toContain('M · Marine');
    expect(r.html).toContain('href="https://shop.example/cart"');
    expect(r.html).toContain('>Voir mon panier</a>');
    expect(r.html).not.toMatch(/<style|class=/);
    const en = renderCartReminder({ name: 'Hugo', items: [item], leftOut: [], cartUrl: 'https://shop.example/en/cart' }, 'en');
    expect(en.html).toContain('<html lang="en">');
    expect(en.html).toContain('>See my cart</a>');
  });
});
