import { ShopFrame } from '@/components/layout/shop-frame';
import { isLocale } from '@/lib/i18n/config';

/**
 * Shopper pages made whole for each request — search results and department lists, which depend on
 * the URL (query, facets, sort, page) and the visitor's store. No loading boundary: their content is
 * in the HTML where it belongs, not streamed hidden behind a skeleton that only a script reveals, so
 * the facet and sort links keep working without JavaScript and every crawler reads the results.
 * Each page exports `instant = false` (it blocks on its data; the reads are a search or a listing,
 * tens of milliseconds: lib/catalog/facets.ts). Shopper pages that can stream are in (shop).
 */
export default async function FoundLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  // `kept`: the department bar in place too (not behind a boundary of its own), so it reads
  // without JavaScript like the rest of these pages; it comes from the cache.
  return (
    <ShopFrame locale={isLocale(locale) ? locale : 'fr'} kept>
      {children}
    </ShopFrame>
  );
}
