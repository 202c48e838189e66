import type { BreadcrumbList, DayOfWeek, Graph, OpeningHoursSpecification, ProductGroup, ProductLeaf, StoreLeaf, Thing } from 'schema-dts';
import type { ProductDetail } from '@/lib/catalog/types';
import type { Locale } from '@/lib/i18n/config';
import { absoluteUrl, productPath, storePath } from '@/lib/routing/public-url';
import type { Closure, OpeningInterval } from '@/lib/stores/hours';
import type { StoreSummary } from '@/lib/stores/queries';

export { PRODUCT_LD_ID, serializeJsonLd, STORE_LD_ID } from './offer-availability';

/*
 * schema.org JSON-LD of the pages search engines read: a product (Product, its Offer, the product
 * group it is a variant of with its AggregateOffer), a store (Store: address, geo, weekly hours,
 * closures) and breadcrumbs (BreadcrumbList). Typed with schema-dts (schema.org's vocabulary as
 * TypeScript types: a property the type does not have fails to compile); checked against the
 * required and expected properties in ./json-ld-check.ts (unit tests and e2e/seo.spec.ts).
 *
 * Built only from what is the same for every visitor: product and store pages are kept whole in
 * Next's cache (docs/rendering.md), and their JSON-LD is part of the kept HTML.
 *
 * The web availability is the one fact a kept page does not know: stock is never cached. So the
 * Offer written on the server states no availability rather than one that may be false by the time
 * it is read; the page's stock panel, which asks the live figure per view, writes it into the
 * Offer once known (./offer-availability.ts), so a crawler
 * that renders the page (as Google's does) reads the web stock of that moment.
 */

export const SITE_NAME = 'Comptoir';

export const CURRENCY = 'EUR';

/** "12.99" from 1299: schema.org's price is a plain number with a dot, the currency apart. */
export function priceOf(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** One page's nodes, under one context. */
export function jsonLdGraph(...nodes: Thing[]): Graph {
  return { '@context': 'https://schema.org', '@graph': nodes };
}

/** The crumbs from the home page down to the page, each with its name and path. */
export function breadcrumbLd(crumbs: { name: string; path: string }[], locale: Locale): BreadcrumbList {
  return {
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: absoluteUrl(c.path, locale) })),
  };
}

/** The product's pictures with the chosen colour's first, as the page's gallery shows them. */
function picturesFor(images: string[], colour: string | null): string[] {
  return colour ? [...images].sort((a, b) => Number(b.includes(`-${colour}`)) - Number(a.includes(`-${colour}`))) : images;
}

/**
 * The product page of one SKU: that SKU as a Product (its barcode, size, colour and Offer), a
 * variant of the product's ProductGroup (its price range as an AggregateOffer) when there are
 * several. `colourName` names a colour code in the page's language.
 */
export function productLd(product: ProductDetail, skuId: number, locale: Locale, colourName: (code: string) => string): ProductLeaf {
  const sku = product.skus.find((s) => s.id === skuId) ?? product.skus[0];
  if (!sku) throw new Error(`product ${product.slug} has no SKU`);
  const first = product.skus[0]?.id === sku.id;
  const url = absoluteUrl(productPath(product.slug, first ? null : sku.id), locale);
  const productUrl = absoluteUrl(productPath(product.slug), locale);
  const prices = product.skus.map((s) => s.priceCents);
  const variesBy = [
    ...(product.skus.some((s) => s.size) ? ['https://schema.org/size'] : []),
    ...(product.skus.some((s) => s.colour) ? ['https://schema.org/color'] : []),
  ];
  const group: ProductGroup | null =
    product.skus.length > 1
      ? {
          '@type': 'ProductGroup',
          '@id': `${productUrl}#product`,
          name: product.name,
          productGroupID: product.slug,
          url: productUrl,
          brand: { '@type': 'Brand', name: product.brand },
          ...(variesBy.length ? { variesBy } : {}),
          offers: {
            '@type': 'AggregateOffer',
            priceCurrency: CURRENCY,
            lowPrice: priceOf(Math.min(...prices)),
            highPrice: priceOf(Math.max(...prices)),
            offerCount: product.skus.length,
          },
        }
      : null;
  return {
    '@type': 'Product',
    '@id': `${url}#sku`,
    name: product.name,
    description: product.description,
    brand: { '@type': 'Brand', name: product.brand },
    image: picturesFor(product.images, sku.colour).map((src) => (src.startsWith('/') ? absoluteUrl(src) : src)),
    sku: String(sku.id),
    gtin13: sku.ean13,
    ...(sku.size ? { size: sku.size } : {}),
    ...(sku.colour ? { color: colourName(sku.colour) } : {}),
    category: product.category.name,
    url,
    offers: {
      '@type': 'Offer',
      url,
      sku: String(sku.id),
      price: priceOf(sku.priceCents),
      priceCurrency: CURRENCY,
      itemCondition: 'https://schema.org/NewCondition',
      seller: { '@type': 'Organization', name: SITE_NAME },
    },
    ...(group ? { isVariantOf: group } : {}),
  };
}

/** How far ahead a store page's JSON-LD lists closures (special opening hours). */
export const SPECIAL_HOURS_DAYS = 90;

const WEEKDAYS: DayOfWeek[] = [
  'https://schema.org/Monday',
  'https://schema.org/Tuesday',
  'https://schema.org/Wednesday',
  'https://schema.org/Thursday',
  'https://schema.org/Friday',
  'https://schema.org/Saturday',
  'https://schema.org/Sunday',
];

/**
 * A store: its address, position, weekly hours (the days sharing the same hours in one
 * specification each) and its closures ahead as special opening hours — closed all day, which
 * schema.org writes as opening and closing at 00:00 on that date.
 */
export function storeLd(store: StoreSummary, schedule: { hours: OpeningInterval[]; closures: Closure[] }, locale: Locale): StoreLeaf {
  const url = absoluteUrl(storePath(store.slug), locale);
  const byInterval = new Map<string, { opens: string; closes: string; days: DayOfWeek[] }>();
  for (const h of [...schedule.hours].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens))) {
    const day = WEEKDAYS[h.weekday - 1];
    if (!day) continue;
    const key = `${h.opens}-${h.closes}`;
    const entry = byInterval.get(key) ?? { opens: h.opens, closes: h.closes, days: [] };
    entry.days.push(day);
    byInterval.set(key, entry);
  }
  const hours: OpeningHoursSpecification[] = [...byInterval.values()].map((e) => ({
    '@type': 'OpeningHoursSpecification',
    dayOfWeek: e.days,
    opens: e.opens,
    closes: e.closes,
  }));
  const closures: OpeningHoursSpecification[] = schedule.closures.map((c) => ({
    '@type': 'OpeningHoursSpecification',
    validFrom: c.day,
    validThrough: c.day,
    opens: '00:00',
    closes: '00:00',
    description: locale === 'fr' ? c.reasonFr : c.reasonEn,
  }));
  return {
    '@type': 'Store',
    '@id': `${url}#store`,
    name: store.name,
    url,
    ...(store.phone ? { telephone: store.phone } : {}),
    address: {
      '@type': 'PostalAddress',
      streetAddress: store.address,
      postalCode: store.postcode,
      addressLocality: store.town,
      addressCountry: 'FR',
    },
    geo: { '@type': 'GeoCoordinates', latitude: store.lat, longitude: store.lng },
    parentOrganization: { '@type': 'Organization', name: SITE_NAME },
    ...(hours.length ? { openingHoursSpecification: hours } : {}),
    ...(closures.length ? { specialOpeningHoursSpecification: closures } : {}),
  };
}
