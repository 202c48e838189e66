import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { Suspense } from 'react';
import { AddToCartButton } from '@/components/cart/add-to-cart-button';
import { AvailabilitySkeleton, pickAvailabilityTexts } from '@/components/product/availability-panel';
import { LiveAvailabilityPanel } from '@/components/product/live-availability-panel';
import { Gallery } from '@/components/product/gallery';
import { OptionPicker } from '@/components/product/option-picker';
import { ReservePanelSkeleton } from '@/components/reservations/reserve-panel';
import { getProduct } from '@/lib/catalog/cached';
import { getStoreAvailability, getWarehouseAvailability, listNearbyAvailability } from '@/lib/inventory/queries';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatPrice, interpolate } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { getMyStoreId } from '@/lib/stores/my-store';
import { addToCartAction } from './add-to-cart-action';
import { ReserveInStore } from './reserve-in-store';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ sku?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await getI18n();
  const product = await getProduct((await params).slug, locale);
  return product ? { title: product.name, description: product.description.slice(0, 160) } : {};
}

export default async function ProductPage({ params, searchParams }: Props) {
  const [{ slug }, { sku: skuParam }, { locale, t }] = await Promise.all([params, searchParams, getI18n()]);
  const product = await getProduct(slug, locale);
  if (!product) notFound();
  const selected = product.skus.find((s) => String(s.id) === skuParam) ?? product.skus[0];
  if (!selected) notFound();
  const colourNames = Object.fromEntries(
    Object.entries(t.catalog)
      .filter(([k]) => k.startsWith('colour_'))
      .map(([k, v]) => [k.slice('colour_'.length), v]),
  );
  // The chosen colour's picture first.
  const images = selected.colour
    ? [...product.images].sort((a, b) => Number(b.includes(`-${selected.colour}`)) - Number(a.includes(`-${selected.colour}`)))
    : product.images;

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
      <Gallery images={images} alt={(n) => interpolate(t.catalog.imageOf, { n, name: product.name })} />
      <div className="space-y-5">
        <header className="space-y-1">
          <p className="text-sm font-semibold uppercase tracking-wide text-muted">{product.brand}</p>
          <h1 className="text-2xl font-bold leading-tight sm:text-3xl">{product.name}</h1>
          <p className="pt-1 text-2xl font-bold text-brand-700" data-testid="price">
            {formatPrice(selected.priceCents, locale)}
          </p>
        </header>
        <OptionPicker
          skus={product.skus}
          selectedId={selected.id}
          labels={{ size: t.catalog.size, colour: t.catalog.colour, colon: t.common.colon }}
          colourNames={colourNames}
        />
        <AddToCartButton
          key={`cart-${selected.id}`}
          skuId={selected.id}
          action={addToCartAction}
          t={{ addToCart: t.cart.addToCart, adding: t.cart.adding, viewCart: t.cart.viewCart }}
        />
        <Suspense key={selected.id} fallback={<AvailabilitySkeleton />}>
          <Availability skuId={selected.id} locale={locale} t={t} />
        </Suspense>
        <Suspense key={`reserve-${selected.id}`} fallback={<ReservePanelSkeleton />}>
          <ReserveInStore productSlug={product.slug} skuId={selected.id} locale={locale} t={t} />
        </Suspense>
        <section className="space-y-2">
          <h2 className="text-base font-bold">{t.catalog.description}</h2>
          <p className="leading-relaxed text-ink/90">{product.description}</p>
          <p className="text-xs text-muted">
            {t.catalog.ean} {selected.ean13}
          </p>
        </section>
      </div>
    </article>
  );
}

async function Availability({ skuId, locale, t }: { skuId: number; locale: Locale; t: Dictionary }) {
  await connection(); // stock is read per request, never prerendered
  const myStoreId = await getMyStoreId();
  const at = new Date().toISOString();
  const [myStore, online] = await Promise.all([
    myStoreId ? getStoreAvailability(skuId, myStoreId) : null,
    getWarehouseAvailability(skuId),
  ]);
  const nearby = myStore
    ? await listNearbyAvailability({ skuId, lat: myStore.lat, lng: myStore.lng, limit: 5, excludeStoreId: myStore.storeId })
    : [];
  // Only the figures are live; which stores are shown stays as this render chose them.
  return (
    <LiveAvailabilityPanel
      locale={locale}
      t={pickAvailabilityTexts(t.catalog)}
      skuId={skuId}
      myStore={myStore}
      nearby={nearby}
      online={online}
      at={at}
    />
  );
}
