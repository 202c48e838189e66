import type { Metadata } from 'next';
import { cacheLife, cacheTag } from 'next/cache';
import { IntentLink } from '@/components/layout/intent-link';
import { notFound } from 'next/navigation';
import { pickAvailabilityTexts } from '@/components/product/availability-panel';
import { ProductStockPanels } from '@/components/product/product-stock-panels';
import { BuyBox, Ean, Gallery } from '@/components/product/sku-choice';
import { JsonLd } from '@/components/seo/json-ld';
import { getProduct } from '@/lib/catalog/cached';
import { sizeLabel } from '@/lib/catalog/size-label';
import { categoryTag, productTag } from '@/lib/catalog/tags';
import { isLocale, type Locale } from '@/lib/i18n/config';
import { getDictionary } from '@/lib/i18n/dictionary';
import { formatPrice, interpolate } from '@/lib/i18n/format';
import { categoryPath, pageAlternates, productPath } from '@/lib/routing/public-url';
import { breadcrumbLd, jsonLdGraph, PRODUCT_LD_ID, productLd } from '@/lib/seo/json-ld';
import { addToCartAction } from './add-to-cart-action';
import { reserveAction } from './reserve-action';

/**
 * A product page (docs/rendering.md). The page holds nothing per visitor or per second,
 * so Next.js prerenders it on its first request and serves it whole from its cache until one of
 * its tags expires, like a page prerendered at build:
 * - everything the same for every visitor — breadcrumbs, pictures, brand, name, the chosen SKU's
 *   price, options and EAN, description — comes from one cached component per product, SKU and
 *   language, tagged product:<slug> and its department's tag;
 * - the chosen size and colour is in the URL (`/p/<slug>?sku=<id>`): the proxy rewrites it to
 *   `/p/<slug>~<id>` (one dynamic segment: Next.js keeps a page of a nested second segment only as
 *   a fallback shell resumed per request), so each SKU has its own kept page, and the first SKU's
 *   is `/p/<slug>`;
 * - the stock of my store, its 5 nearest and the web, and the click & reserve panel are asked by
 *   the browser (ProductStockPanels → GET /api/availability/product) and kept live by the stock
 *   stream; the header's store, account and cart likewise (components/layout).
 * The build never reads the database: it renders only the placeholder's 404 below.
 */
export const BUILD_SAMPLE = '_';

export type ProductParams = Promise<{ locale: string; slug: string }>;

/** The route's slug is `<product slug>` or, for a chosen SKU, `<product slug>~<sku id>` (proxy.ts). */
export const SKU_SEPARATOR = '~';

async function routeParams(params: ProductParams): Promise<{ locale: Locale; slug: string; sku: number | null }> {
  const { locale, slug: raw } = await params;
  const decoded = decodeURIComponent(raw);
  const at = decoded.lastIndexOf(SKU_SEPARATOR);
  const sku = at < 0 ? null : decoded.slice(at + 1);
  return {
    locale: isLocale(locale) ? locale : 'fr',
    slug: at < 0 ? decoded : decoded.slice(0, at),
    sku: sku && /^\d{1,10}$/.test(sku) ? Number(sku) : null,
  };
}

export async function productMetadata(params: ProductParams): Promise<Metadata> {
  const { locale, slug, sku } = await routeParams(params);
  const product = slug === BUILD_SAMPLE ? null : await getProduct(slug, locale);
  if (!product) return {};
  // The first SKU's page is the product's own address; another SKU's is its ?sku= page.
  const other = sku !== null && sku !== product.skus[0]?.id && product.skus.some((s) => s.id === sku);
  return {
    title: product.name,
    description: product.description.slice(0, 160),
    alternates: pageAlternates(productPath(slug, other ? sku : null), locale),
  };
}

export async function ProductPage({ params }: { params: ProductParams }) {
  const { locale, slug, sku } = await routeParams(params);
  if (slug === BUILD_SAMPLE) notFound();
  const product = await getProduct(slug, locale);
  if (!product) notFound();
  // A SKU of another product (or none): that product's first SKU, as the proxy would have it.
  const skuId = (product.skus.find((s) => s.id === sku) ?? product.skus[0])?.id;
  if (skuId === undefined) notFound();
  return <ProductContent slug={slug} locale={locale} skuId={skuId} />;
}

/** The product as every visitor sees it, with the chosen SKU. */
async function ProductContent({ slug, locale, skuId }: { slug: string; locale: Locale; skuId: number }) {
  'use cache';
  cacheLife('hours');
  cacheTag(productTag(slug));
  const product = await getProduct(slug, locale);
  if (!product) return null;
  cacheTag(categoryTag(product.category.slug)); // the breadcrumb's name
  const t = getDictionary(locale);
  const skus = product.skus.map((s) => ({ ...s, price: formatPrice(s.priceCents, locale) }));
  const selectedId = (skus.find((s) => s.id === skuId) ?? skus[0])?.id;
  if (selectedId === undefined) return null;
  const colourNames = Object.fromEntries(
    Object.entries(t.catalog)
      .filter(([k]) => k.startsWith('colour_'))
      .map(([k, v]) => [k.slice('colour_'.length), v]),
  );
  const sizeNames = Object.fromEntries(product.skus.flatMap((s) => (s.size ? [[s.size, sizeLabel(s.size, locale)]] : [])));
  const alts = product.images.map((_, i) => interpolate(t.catalog.imageOf, { n: i + 1, name: product.name }));
  const ld = jsonLdGraph(
    productLd(product, selectedId, locale, (code) => colourNames[code] ?? code),
    breadcrumbLd(
      [
        { name: t.common.home, path: '/' },
        { name: product.category.name, path: categoryPath(product.category.slug) },
        { name: product.name, path: productPath(slug, selectedId === product.skus[0]?.id ? null : selectedId) },
      ],
      locale,
    ),
  );

  return (
    <article className="grid gap-6 md:grid-cols-2 md:gap-10">
      <JsonLd id={PRODUCT_LD_ID} data={ld} />
      <nav aria-label={t.catalog.breadcrumb} className="text-sm text-muted md:col-span-2">
        <IntentLink href="/" className="hover:underline">
          {t.common.home}
        </IntentLink>
        <span aria-hidden> / </span>
        <IntentLink href={`/c/${product.category.slug}`} className="hover:underline">
          {product.category.name}
        </IntentLink>
      </nav>
      <Gallery images={product.images} alts={alts} skus={skus} selectedId={selectedId} />
      <div className="space-y-5">
        <header className="space-y-1">
          <p className="text-sm font-semibold tracking-wide text-muted uppercase">{product.brand}</p>
          <h1 className="text-2xl leading-tight font-bold sm:text-3xl">{product.name}</h1>
        </header>
        <BuyBox
          skus={skus}
          selectedId={selectedId}
          labels={{ size: t.catalog.size, colour: t.catalog.colour, colon: t.common.colon }}
          colourNames={colourNames}
          sizeNames={sizeNames}
          addToCart={addToCartAction}
          cartTexts={{ addToCart: t.cart.addToCart, adding: t.cart.adding, viewCart: t.cart.viewCart }}
        />
        <ProductStockPanels
          locale={locale}
          productSlug={slug}
          productName={product.name}
          skuId={selectedId}
          texts={pickAvailabilityTexts(t.catalog)}
          failure={{ message: t.catalog.stockLoadFailed, retry: t.common.retry }}
          reservations={t.reservations}
          resumeText={t.common.resumePending}
          reserveAction={reserveAction}
        />
        <section className="space-y-2">
          <h2 className="text-base font-bold">{t.catalog.description}</h2>
          <p className="leading-relaxed text-ink/90">{product.description}</p>
          <Ean label={t.catalog.ean} skus={skus} selectedId={selectedId} />
        </section>
      </div>
    </article>
  );
}
