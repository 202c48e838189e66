import type { Metadata } from 'next';
import { cacheLife, cacheTag } from 'next/cache';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Suspense, type ReactNode } from 'react';
import { AvailabilitySkeleton } from '@/components/product/availability-panel';
import { BuyBox, Ean, Gallery, UrlBuyBox, UrlEan, UrlGallery } from '@/components/product/sku-choice';
import { ReservePanelSkeleton } from '@/components/reservations/reserve-panel';
import { getProduct } from '@/lib/catalog/cached';
import { categoryTag, productTag } from '@/lib/catalog/tags';
import { isLocale, type Locale } from '@/lib/i18n/config';
import { getDictionary } from '@/lib/i18n/dictionary';
import { formatPrice, interpolate } from '@/lib/i18n/format';
import { addToCartAction } from './add-to-cart-action';
import { ProductAvailability } from './product-availability';
import { ReserveInStore } from './reserve-in-store';

/**
 * How this page renders (README, "How pages render"):
 * - Everything the same for every visitor — breadcrumbs, pictures, brand, name, every SKU's price
 *   and options, description — is one cached component per product and language (ProductContent,
 *   tagged product:<slug> and its department's tag). The build never reads the database: it only
 *   renders the placeholder below, so each product's page is prerendered on its first request and
 *   kept as its shell (ISR), with the product's name, price and main picture in the first bytes.
 * - The chosen SKU (`?sku=`) does not make that content per request: the cached part holds every
 *   SKU, and small client components pick the URL's one (components/product/sku-choice.tsx).
 * - Per request: the stock of my store, the 5 nearest and the web (ProductAvailability), the
 *   click & reserve panel (which shops have it, the visitor's session) and the header's cart,
 *   account and store — streamed into the shell's holes.
 */
type Props = { params: Promise<{ locale: string; slug: string }>; searchParams: Promise<{ sku?: string | string[] }> };

/** Cache Components needs one sample param; the build renders only this 404, never a product. */
const BUILD_SAMPLE = '_';

export function generateStaticParams() {
  return [{ slug: BUILD_SAMPLE }];
}

async function routeParams(params: Props['params']): Promise<{ locale: Locale; slug: string }> {
  const { locale, slug } = await params;
  return { locale: isLocale(locale) ? locale : 'fr', slug };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await routeParams(params);
  const product = slug === BUILD_SAMPLE ? null : await getProduct(slug, locale);
  return product ? { title: product.name, description: product.description.slice(0, 160) } : {};
}

export default async function ProductPage({ params, searchParams }: Props) {
  const { locale, slug } = await routeParams(params);
  if (slug === BUILD_SAMPLE) notFound();
  const product = await getProduct(slug, locale);
  if (!product) notFound();
  const t = getDictionary(locale);
  // The SKU the URL names (else the first): read per request, inside the stock holes only.
  const skuId = searchParams.then(({ sku }) => {
    const wanted = Array.isArray(sku) ? sku[0] : sku;
    return (product.skus.find((s) => String(s.id) === wanted) ?? product.skus[0])!.id;
  });
  return (
    <ProductContent
      slug={slug}
      locale={locale}
      availability={
        <Suspense fallback={<AvailabilitySkeleton />}>
          <ProductAvailability skuId={skuId} locale={locale} t={t} />
        </Suspense>
      }
      reserve={
        <Suspense fallback={<ReservePanelSkeleton />}>
          <ReserveInStore productSlug={slug} skuId={skuId} locale={locale} t={t} />
        </Suspense>
      }
    />
  );
}

type ContentProps = { slug: string; locale: Locale; availability: ReactNode; reserve: ReactNode };

/** The product as every visitor sees it; `availability` and `reserve` are passed through, not cached. */
async function ProductContent({ slug, locale, availability, reserve }: ContentProps) {
  'use cache';
  cacheLife('hours');
  cacheTag(productTag(slug));
  const product = await getProduct(slug, locale);
  if (!product) return null;
  cacheTag(categoryTag(product.category.slug)); // the breadcrumb's name
  const t = getDictionary(locale);
  const skus = product.skus.map((s) => ({ ...s, price: formatPrice(s.priceCents, locale) }));
  const first = skus[0];
  if (!first) return null;
  const colourNames = Object.fromEntries(
    Object.entries(t.catalog)
      .filter(([k]) => k.startsWith('colour_'))
      .map(([k, v]) => [k.slice('colour_'.length), v]),
  );
  const gallery = { images: product.images, alts: product.images.map((_, i) => interpolate(t.catalog.imageOf, { n: i + 1, name: product.name })), skus };
  const buyBox = {
    skus,
    labels: { size: t.catalog.size, colour: t.catalog.colour, colon: t.common.colon },
    colourNames,
    addToCart: addToCartAction,
    cartTexts: { addToCart: t.cart.addToCart, adding: t.cart.adding, viewCart: t.cart.viewCart },
  };

  return (
    <article className="grid gap-6 md:grid-cols-2 md:gap-10">
      <nav aria-label={t.catalog.breadcrumb} className="text-sm text-muted md:col-span-2">
        <Link href="/" className="hover:underline">
          {t.common.home}
        </Link>
        <span aria-hidden> / </span>
        <Link href={`/c/${product.category.slug}`} className="hover:underline">
          {product.category.name}
        </Link>
      </nav>
      {/* Each fallback is the first SKU's: what the shell shows, and what a URL without ?sku= gets. */}
      <Suspense fallback={<Gallery {...gallery} selectedId={first.id} />}>
        <UrlGallery {...gallery} />
      </Suspense>
      <div className="space-y-5">
        <header className="space-y-1">
          <p className="text-sm font-semibold uppercase tracking-wide text-muted">{product.brand}</p>
          <h1 className="text-2xl font-bold leading-tight sm:text-3xl">{product.name}</h1>
        </header>
        <Suspense fallback={<BuyBox {...buyBox} selectedId={first.id} />}>
          <UrlBuyBox {...buyBox} />
        </Suspense>
        {availability}
        {reserve}
        <section className="space-y-2">
          <h2 className="text-base font-bold">{t.catalog.description}</h2>
          <p className="leading-relaxed text-ink/90">{product.description}</p>
          <Suspense fallback={<Ean label={t.catalog.ean} skus={skus} selectedId={first.id} />}>
            <UrlEan label={t.catalog.ean} skus={skus} />
          </Suspense>
        </section>
      </div>
    </article>
  );
}
