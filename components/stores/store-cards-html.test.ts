import { describe, expect, it } from 'vitest';
import { getDictionary } from '@/lib/i18n/dictionary';
import { MY_STORE_FORM_PATH } from '@/lib/stores/my-store-id';
import type { StoreSummary } from '@/lib/stores/queries';
import { storeSummary } from '@/test/support/fixtures';
import { storeCardsHtml } from './store-cards-html';

const store = (over: Partial<StoreSummary>) => storeSummary({ id: 7, ...over });

describe('storeCardsHtml: the locator’s cards as one piece of HTML that React does not hydrate', () => {
  it('one <li><article> per store, with what StoreListLive reads: the store’s id, its hours’ and closures’ indexes, the status slot and the form', () => {
    const out = storeCardsHtml(
      [
        { store: store({}), distanceKm: null, week: 0, closures: 2 },
        { store: store({ id: 9, slug: 'paris-bercy', name: 'Comptoir Paris Bercy', services: [] }), distanceKm: 3.25, week: 1, closures: 0 },
      ],
      'en',
      getDictionary('en').stores,
    );
    expect(out.match(/<li><article /g)).toHaveLength(2);
    expect(out.match(/<\/article><\/li>/g)).toHaveLength(2);
    expect(out).toContain('data-store-id="7" data-week="0" data-closures="2"');
    expect(out).toContain('data-store-id="9" data-week="1" data-closures="0"');
    expect(out.match(/<div class="store-card-status">/g)).toHaveLength(2);
    // English pages link to English store pages; the form works without the page's script.
    expect(out).toContain('<a href="/en/stores/lyon-part-dieu" class="hover:underline">Comptoir Lyon Part-Dieu</a>');
    expect(out).toContain(`<form method="post" action="${MY_STORE_FORM_PATH}"`);
    expect(out).toContain('<input type="hidden" name="storeId" value="9" />');
    expect(out).toContain('Make this my store<');
    // The distance only where there is one; the badges only where there are services.
    expect(out.match(/data-testid="store-distance"/g)).toHaveLength(1);
    expect(out).toContain('>3.3 km away<');
    expect(out.match(/aria-label="Services"/g)).toHaveLength(1);
    expect(out).toContain('<li>Drive</li>');
  });

  it('French pages link to the unprefixed store pages', () => {
    const out = storeCardsHtml([{ store: store({}), distanceKm: null, week: 0, closures: 0 }], 'fr', getDictionary('fr').stores);
    expect(out).toContain('href="/stores/lyon-part-dieu"');
    expect(out).toContain('Choisir ce magasin<');
  });

  it('escapes what the back office typed: a store’s name, address or slug cannot add markup or leave an attribute', () => {
    const hostile = `Comptoir "Lyon" <img src=x onerror=alert(1)>`;
    const out = storeCardsHtml(
      [{ store: store({ name: hostile, address: `1 rue <b>`, town: `'Lyon'`, slug: `x" onclick="alert(1)` }), distanceKm: null, week: 0, closures: 0 }],
      'fr',
      getDictionary('fr').stores,
    );
    expect(out).not.toContain('<img');
    expect(out).not.toContain('<b>');
    expect(out).not.toContain('" onclick="');
    expect(out).toContain('Comptoir &quot;Lyon&quot; &lt;img src=x onerror=alert(1)&gt;');
    expect(out).toContain('&#39;Lyon&#39;');
  });
});
