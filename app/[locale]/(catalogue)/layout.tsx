import { ShopFrame } from '@/components/layout/shop-frame';
import { isLocale } from '@/lib/i18n/config';

/**
 * The pages kept whole in Next's cache (home, product): the shop's frame, and deliberately no
 * loading.tsx. A page's HTML is made once and served as it is, so a Suspense boundary around its
 * content buys nothing; and React moves a finished boundary over 12.8 kB to the end of the document,
 * revealing it by script no sooner than its next reveal slot (up to 300 ms), which is the page's
 * largest paint. Without one, the content is painted with the document.
 *
 * `instant = false`: a page whose params the build does not know (every product's, the home page's
 * edition) may then block on its first visit — it is rendered whole, kept, and served from the cache
 * afterwards — instead of needing a Suspense fallback for its params.
 */
export const instant = false;

export default async function CatalogueLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  return (
    <ShopFrame locale={isLocale(locale) ? locale : 'fr'} kept>
      {children}
    </ShopFrame>
  );
}
