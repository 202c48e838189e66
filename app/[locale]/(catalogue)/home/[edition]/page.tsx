import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { IntentLink } from '@/components/layout/intent-link';
import { ProductCard, ProductGrid } from '@/components/product/product-card';
import { getCategories, listFeatured } from '@/lib/catalog/cached';
import { isLocale, type Locale } from '@/lib/i18n/config';
import { getDictionary, type Dictionary } from '@/lib/i18n/dictionary';
import { pageAlternates } from '@/lib/routing/public-url';

/**
 * The home page, `/` (proxy.ts rewrites it here; /home/… itself is not a public URL). Everything on
 * it is the same for every visitor: the hero and headings from the route's language, the
 * departments and popular products from the catalogue's cache (tagged `catalog` and each product's
 * tag). The build never reads the database, so it prerenders only the placeholder edition below (a
 * 404); the real page is prerendered on its first request and kept whole in Next's cache, like a
 * product page, until a catalogue change expires its tags — nothing streams into it per request.
 */
const EDITION = 'catalogue'; // proxy.ts: HOME_PAGE

export function generateStaticParams() {
  return [{ edition: '_' }];
}

/** Its address in its language, and its twin's (hreflang). */
export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { alternates: pageAlternates('/', isLocale(locale) ? locale : 'fr') };
}

export default async function HomePage({ params }: { params: Promise<{ locale: string; edition: string }> }) {
  const { locale: raw, edition } = await params;
  if (edition !== EDITION) notFound();
  const locale: Locale = isLocale(raw) ? raw : 'fr';
  const t = getDictionary(locale);
  return (
    <div className="space-y-10">
      <section className="rounded-2xl bg-brand-700 px-5 py-8 text-white sm:px-10 sm:py-12">
        <h1 className="max-w-xl text-2xl leading-tight font-bold sm:text-4xl">{t.catalog.heroTitle}</h1>
        <p className="mt-3 max-w-xl text-brand-100">{t.catalog.heroBody}</p>
        <IntentLink href="/stores" className="mt-6 btn bg-white text-brand-700 hover:bg-brand-50">
          {t.catalog.findStore}
        </IntentLink>
      </section>
      <section aria-labelledby="departments" className="space-y-3">
        <h2 id="departments" className="text-xl font-bold">
          {t.catalog.shopByDepartment}
        </h2>
        <Departments locale={locale} />
      </section>
      <section aria-labelledby="popular" className="space-y-3 render-when-near-160">
        <h2 id="popular" className="text-xl font-bold">
          {t.catalog.popular}
        </h2>
        <Popular locale={locale} t={t.catalog} />
      </section>
    </div>
  );
}

async function Departments({ locale }: { locale: Locale }) {
  const categories = await getCategories(locale); // the header's cached list: one read for both
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
      {categories.map((c) => (
        <li key={c.id}>
          <IntentLink href={`/c/${c.slug}`} className="flex min-h-14 items-center card px-4 py-3 font-semibold hover:border-brand-500 hover:text-brand-700">
            {c.name}
          </IntentLink>
        </li>
      ))}
    </ul>
  );
}

async function Popular({ locale, t }: { locale: Locale; t: Dictionary['catalog'] }) {
  const featured = await listFeatured(locale, 8);
  return (
    <ProductGrid>
      {featured.map((p) => (
        <ProductCard key={p.id} product={p} locale={locale} t={t} />
      ))}
    </ProductGrid>
  );
}
