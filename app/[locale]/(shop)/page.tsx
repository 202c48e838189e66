import Link from 'next/link';
import { IntentLink } from '@/components/layout/intent-link';
import { ProductCard, ProductGrid } from '@/components/product/product-card';
import { listCategories, listFeaturedProducts } from '@/lib/catalog/queries';
import { getI18n } from '@/lib/i18n/server';

export default async function HomePage() {
  const { locale, t } = await getI18n();
  const [categories, featured] = await Promise.all([listCategories(locale), listFeaturedProducts(locale, 8)]);
  return (
    <div className="space-y-10">
      <section className="rounded-2xl bg-brand-700 px-5 py-8 text-white sm:px-10 sm:py-12">
        <h1 className="max-w-xl text-2xl font-bold leading-tight sm:text-4xl">{t.catalog.heroTitle}</h1>
        <p className="mt-3 max-w-xl text-brand-100">{t.catalog.heroBody}</p>
        <Link href="/stores" className="btn mt-6 bg-white text-brand-700 hover:bg-brand-50">
          {t.catalog.findStore}
        </Link>
      </section>
      <section aria-labelledby="departments" className="space-y-3">
        <h2 id="departments" className="text-xl font-bold">
          {t.catalog.shopByDepartment}
        </h2>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
          {categories.map((c) => (
            <li key={c.id}>
              <IntentLink
                href={`/c/${c.slug}`}
                className="card flex min-h-14 items-center px-4 py-3 font-semibold hover:border-brand-500 hover:text-brand-700"
              >
                {c.name}
              </IntentLink>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="popular" className="space-y-3">
        <h2 id="popular" className="text-xl font-bold">
          {t.catalog.popular}
        </h2>
        <ProductGrid>
          {featured.map((p) => (
            <ProductCard key={p.id} product={p} locale={locale} t={t.catalog} />
          ))}
        </ProductGrid>
      </section>
    </div>
  );
}
