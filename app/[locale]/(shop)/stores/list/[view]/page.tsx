import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { isLocale } from '@/lib/i18n/config';
import { getDictionary } from '@/lib/i18n/dictionary';
import { listStoresCached } from '@/lib/stores/cached';
import { offering, SERVICE_FILTER_NAMES, type ServiceFilter } from '@/lib/stores/service-filter';
import { StoreLocator } from '../../store-locator';
import { pageAlternates } from '@/lib/routing/public-url';

/**
 * Every store: `/stores` without a search (the proxy rewrites it here: lib/routing/store-paths.ts;
 * this path is not public). Nothing per visitor or per second, so Next.js prerenders it on its first
 * request and serves it whole from its cache until the `stores` tag or a store's tag expires
 * (docs/rendering.md). A dynamic segment so that the build, which never reads the
 * database, makes only the placeholder's 404 and leaves the real page to its first request.
 */
const BUILD_SAMPLE = '_';
/** Every store, or those offering one service (`/stores?service=drive`). */
const VIEWS: readonly string[] = ['all', ...SERVICE_FILTER_NAMES];

type Params = Promise<{ locale: string; view: string }>;

export function generateStaticParams() {
  return [{ view: BUILD_SAMPLE }];
}

// From the route's language: the title and description are in the kept page's <head>.
export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale: raw, view } = await params;
  const locale = isLocale(raw) ? raw : 'fr';
  const t = getDictionary(locale);
  // The filtered lists are the locator's own URLs (/stores?service=drive: lib/routing/store-paths.ts).
  const path = view === 'all' || !VIEWS.includes(view) ? '/stores' : `/stores?service=${view}`;
  return { title: t.stores.title, description: t.stores.intro, alternates: pageAlternates(path, locale) };
}

export default async function StoreListPage({ params }: { params: Params }) {
  const { locale: raw, view } = await params;
  if (!VIEWS.includes(view)) notFound();
  const locale = isLocale(raw) ? raw : 'fr';
  const service = view === 'all' ? null : (view as ServiceFilter);
  const stores = offering(await listStoresCached(), service).map((s) => ({ ...s, distanceKm: null }));
  return <StoreLocator locale={locale} stores={stores} heading={getDictionary(locale).stores.allStores} service={service} />;
}
