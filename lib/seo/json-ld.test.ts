import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProductDetail } from '@/lib/catalog/types';
import { jsonLdNodes, jsonLdProblems } from './json-ld-check';
import { breadcrumbLd, jsonLdGraph, productLd, serializeJsonLd, storeLd } from './json-ld';
import { withWebAvailability } from './offer-availability';
import { storeSummary } from '@/test/support/fixtures';

beforeEach(() => {
  vi.stubEnv('PUBLIC_SITE_URL', 'https://shop.example.com/');
  vi.stubEnv('AUTH_URL', 'http://127.0.0.1:9999');
});
afterEach(() => vi.unstubAllEnvs());

const jacket: ProductDetail = {
  id: 7,
  slug: 'veste-pluie',
  name: 'Veste de pluie légère',
  description: 'Imperméable, respirante. Taille « normale » </script><script>alert(1)</script>',
  brand: 'Alpéa',
  images: ['/img/p/veste-1-navy.svg', '/img/p/veste-1-red.svg'],
  category: { id: 3, slug: 'vetements', name: 'Vêtements' },
  skus: [
    { id: 101, ean13: '3760000000017', size: 'M', colour: 'navy', priceCents: 4999 },
    { id: 102, ean13: '3760000000024', size: 'L', colour: 'red', priceCents: 5499 },
  ],
};
const colourName = (c: string) => ({ navy: 'bleu marine', red: 'rouge' })[c] ?? c;

const store = storeSummary();
const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:30', closes: '19:30' }));
const schedule = {
  hours: [...weekdays, { weekday: 6, opens: '09:00', closes: '12:30' }, { weekday: 6, opens: '14:00', closes: '19:00' }],
  closures: [{ day: '2026-12-25', reasonFr: 'Noël', reasonEn: 'Christmas Day' }],
};

describe('a product page', () => {
  const crumbs = [
    { name: 'Home', path: '/' },
    { name: 'Vêtements', path: '/c/vetements' },
    { name: jacket.name, path: '/p/veste-pluie?sku=102' },
  ];

  it('is a sound Product with its Offer in EUR, a variant of its ProductGroup, with breadcrumbs', () => {
    const doc = JSON.parse(serializeJsonLd(jsonLdGraph(productLd(jacket, 102, 'fr', colourName), breadcrumbLd(crumbs, 'fr'))));
    expect(jsonLdProblems(doc)).toEqual([]);
    const [product] = jsonLdNodes(doc, 'Product');
    expect(product).toMatchObject({
      name: 'Veste de pluie légère',
      brand: { '@type': 'Brand', name: 'Alpéa' },
      sku: '102',
      gtin13: '3760000000024',
      size: 'L',
      color: 'rouge',
      url: 'https://shop.example.com/p/veste-pluie?sku=102',
      // The chosen colour's picture first, as the gallery shows it; absolute, from the configured origin.
      image: ['https://shop.example.com/img/p/veste-1-red.svg', 'https://shop.example.com/img/p/veste-1-navy.svg'],
      offers: { '@type': 'Offer', price: '54.99', priceCurrency: 'EUR', itemCondition: 'https://schema.org/NewCondition' },
      isVariantOf: {
        '@type': 'ProductGroup',
        productGroupID: 'veste-pluie',
        url: 'https://shop.example.com/p/veste-pluie',
        variesBy: ['https://schema.org/size', 'https://schema.org/color'],
        offers: { '@type': 'AggregateOffer', lowPrice: '49.99', highPrice: '54.99', offerCount: 2, priceCurrency: 'EUR' },
      },
    });
    // The kept page does not know the stock: no availability claimed on the server.
    expect(product!.offers).not.toHaveProperty('availability');
    const [breadcrumbs] = jsonLdNodes(doc, 'BreadcrumbList');
    expect(breadcrumbs!.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://shop.example.com/' },
      { '@type': 'ListItem', position: 2, name: 'Vêtements', item: 'https://shop.example.com/c/vetements' },
      { '@type': 'ListItem', position: 3, name: 'Veste de pluie légère', item: 'https://shop.example.com/p/veste-pluie?sku=102' },
    ]);
  });

  it("names the first SKU's page by the product's own address, and a single SKU is no variant", () => {
    expect(productLd(jacket, 101, 'fr', colourName).url).toBe('https://shop.example.com/p/veste-pluie');
    // In the page's language: the English page's JSON-LD names the English URLs.
    expect(productLd(jacket, 101, 'en', colourName).url).toBe('https://shop.example.com/en/p/veste-pluie');
    expect(productLd(jacket, 102, 'en', colourName).isVariantOf).toMatchObject({ url: 'https://shop.example.com/en/p/veste-pluie' });
    expect(breadcrumbLd(crumbs, 'en').itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://shop.example.com/en' },
      { '@type': 'ListItem', position: 2, name: 'Vêtements', item: 'https://shop.example.com/en/c/vetements' },
      { '@type': 'ListItem', position: 3, name: 'Veste de pluie légère', item: 'https://shop.example.com/en/p/veste-pluie?sku=102' },
    ]);
    const single = productLd({ ...jacket, skus: [jacket.skus[0]!] }, 101, 'en', colourName);
    expect(single).not.toHaveProperty('isVariantOf');
    expect(jsonLdProblems(jsonLdGraph(single))).toEqual([]);
  });

  it('cannot close its script: catalogue text holding </script> is escaped, and parses back the same', () => {
    const text = serializeJsonLd(jsonLdGraph(productLd(jacket, 101, 'fr', colourName)));
    expect(text).not.toMatch(/[<>]/);
    expect(text).not.toContain('</script');
    expect(JSON.parse(text)['@graph'][0].description).toBe(jacket.description);
    expect(serializeJsonLd({ a: 'x\u2028y&' })).toBe('{"a":"x\\u2028y\\u0026"}');
  });

  it("takes the web availability into the shown SKU's Offer, and nothing else", () => {
    const doc = JSON.parse(serializeJsonLd(jsonLdGraph(productLd(jacket, 102, 'fr', colourName), breadcrumbLd(crumbs, 'fr'))));
    const inStock = withWebAvailability(doc, 102, 3);
    expect(jsonLdProblems(inStock)).toEqual([]);
    expect(jsonLdNodes(inStock, 'Product')[0]!.offers).toMatchObject({ availability: 'https://schema.org/InStock', price: '54.99' });
    expect(jsonLdNodes(withWebAvailability(doc, 102, 0), 'Product')[0]!.offers).toMatchObject({ availability: 'https://schema.org/OutOfStock' });
    expect(withWebAvailability(doc, 101, 3)).toBeNull();
    expect(withWebAvailability('nonsense', 102, 3)).toBeNull();
  });
});

describe('a store page', () => {
  it('is a sound Store with address, geo, weekly hours and its closures as special hours', () => {
    const doc = jsonLdGraph(storeLd(store, schedule, 'en'));
    expect(jsonLdProblems(doc)).toEqual([]);
    const [s] = jsonLdNodes(doc, 'Store');
    expect(s).toMatchObject({
      name: 'Comptoir Lyon Part-Dieu',
      url: 'https://shop.example.com/en/stores/lyon-part-dieu',
      telephone: '04 72 00 00 00',
      address: { '@type': 'PostalAddress', streetAddress: '17 rue du Docteur Bouchut', postalCode: '69003', addressLocality: 'Lyon', addressCountry: 'FR' },
      geo: { '@type': 'GeoCoordinates', latitude: 45.7607, longitude: 4.8574 },
    });
    const day = (d: string) => `https://schema.org/${d}`;
    expect(s!.openingHoursSpecification).toEqual([
      { '@type': 'OpeningHoursSpecification', dayOfWeek: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'].map(day), opens: '09:30', closes: '19:30' },
      { '@type': 'OpeningHoursSpecification', dayOfWeek: [day('Saturday')], opens: '09:00', closes: '12:30' },
      { '@type': 'OpeningHoursSpecification', dayOfWeek: [day('Saturday')], opens: '14:00', closes: '19:00' },
    ]);
    expect(s!.specialOpeningHoursSpecification).toEqual([
      {
        '@type': 'OpeningHoursSpecification',
        validFrom: '2026-12-25',
        validThrough: '2026-12-25',
        opens: '00:00',
        closes: '00:00',
        description: 'Christmas Day',
      },
    ]);
  });

  it('says nothing of hours it does not have, and stays sound', () => {
    const s = storeLd({ ...store, phone: null }, { hours: [], closures: [] }, 'fr');
    expect(s).not.toHaveProperty('specialOpeningHoursSpecification');
    expect(s).not.toHaveProperty('telephone');
    // Hours are expected of a store: a store without any is reported.
    expect(jsonLdProblems(jsonLdGraph(s))).toEqual(['@graph[0]: Store lacks "openingHoursSpecification"']);
  });
});

describe('the checker', () => {
  const sound = () => JSON.parse(serializeJsonLd(jsonLdGraph(productLd(jacket, 102, 'fr', colourName), storeLd(store, schedule, 'fr'))));

  const DELETE = Symbol('delete');
  /** Sets (or deletes) the value at a path of a parsed document. */
  function spoil(doc: unknown, path: (string | number)[], value: unknown) {
    const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], doc) as Record<string | number, unknown>;
    const key = path[path.length - 1]!;
    if (value === DELETE) delete parent[key];
    else parent[key] = value;
  }

  it.each<[string, (string | number)[], unknown, RegExp]>([
    ['a missing currency', ['@graph', 0, 'offers', 'priceCurrency'], DELETE, /Offer lacks "priceCurrency"/],
    ['a price with a comma', ['@graph', 0, 'offers', 'price'], '54,99', /price: a plain number/],
    ['a misspelt property', ['@graph', 0, 'offers', 'priceCurrrency'], 'EUR', /Offer has no property "priceCurrrency"/],
    ['a barcode with a wrong check digit', ['@graph', 0, 'gtin13'], '3760000000025', /gtin13: not a GTIN-13/],
    ['a relative picture', ['@graph', 0, 'image'], ['/img/p/x.svg'], /image: absolute URLs/],
    ['an availability outside schema.org', ['@graph', 0, 'offers', 'availability'], 'Available', /not an ItemAvailability/],
    ['a made-up weekday', ['@graph', 1, 'openingHoursSpecification', 0, 'dayOfWeek'], ['Mardi'], /Mardi is not a DayOfWeek/],
    ['hours as "9h30"', ['@graph', 1, 'openingHoursSpecification', 0, 'opens'], '9h30', /opens\/closes must be hh:mm/],
    [
      'a closure without its end date',
      ['@graph', 1, 'specialOpeningHoursSpecification', 0, 'validThrough'],
      DELETE,
      /validFrom\/validThrough must be ISO dates/,
    ],
    ['a country by name', ['@graph', 1, 'address', 'addressCountry'], 'France', /ISO 3166-1 alpha-2/],
    ['an address as text', ['@graph', 1, 'address'], '17 rue du Docteur Bouchut', /address: expected PostalAddress/],
    ['another context', ['@context'], 'http://example.com', /@context/],
    ['a product without a name', ['@graph', 0, 'name'], DELETE, /Product lacks "name"/],
  ])('reports %s', (_what, path, value, problem) => {
    const doc = sound();
    expect(jsonLdProblems(doc)).toEqual([]);
    spoil(doc, path, value);
    expect(jsonLdProblems(doc).join('\n')).toMatch(problem);
  });

  it('reports breadcrumbs out of order or without their links', () => {
    const doc = JSON.parse(
      serializeJsonLd(
        jsonLdGraph(
          breadcrumbLd(
            [
              { name: 'Home', path: '/' },
              { name: 'Shoes', path: '/c/shoes' },
            ],
            'en',
          ),
        ),
      ),
    );
    expect(jsonLdProblems(doc)).toEqual([]);
    doc['@graph'][0].itemListElement[1].position = 3;
    doc['@graph'][0].itemListElement[0].item = '/';
    expect(jsonLdProblems(doc)).toEqual(['@graph[0].itemListElement[0].item: not an absolute URL', '@graph[0].itemListElement[1].position: 3, expected 2']);
  });
});
