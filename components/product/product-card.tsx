import { IntentLink } from '@/components/layout/intent-link';
import type { ProductCard as Card } from '@/lib/catalog/types';
import type { Locale } from '@/lib/i18n/config';
import { formatPrice, interpolate } from '@/lib/i18n/format';
import { pictureSrcSet } from '@/lib/media/paths';
import { StockBadge } from './stock-badge';

type Texts = { from: string; inStock: string; onlyLeft: string; outOfStock: string; notStocked: string };

export function ProductCard({ product, locale, t }: { product: Card; locale: Locale; t: Texts }) {
  const price =
    product.minPriceCents === product.maxPriceCents
      ? formatPrice(product.minPriceCents, locale)
      : interpolate(t.from, { price: formatPrice(product.minPriceCents, locale) });
  return (
    <li className="group flex flex-col overflow-hidden card">
      <IntentLink href={`/p/${product.slug}`} className="flex flex-1 flex-col">
        <div className="aspect-square bg-brand-50">
          {product.image && (
            // eslint-disable-next-line @next/next/no-img-element -- local SVG illustrations: next/image adds nothing for vector files
            <img
              src={product.image}
              srcSet={pictureSrcSet(product.image)}
              sizes={pictureSrcSet(product.image) && '(min-width: 1024px) 18rem, (min-width: 640px) 33vw, 50vw'}
              alt=""
              className="h-full w-full object-cover"
              loading="lazy"
            />
          )}
        </div>
        <div className="flex flex-1 flex-col gap-1 p-3">
          <p className="text-xs font-medium tracking-wide text-muted uppercase">{product.brand}</p>
          <h3 className="line-clamp-2 text-sm font-semibold text-ink group-hover:text-brand-700">{product.name}</h3>
          <p className="mt-auto pt-1 text-base font-bold">{price}</p>
          {product.availableAtStore !== undefined && <StockBadge available={product.availableAtStore} locale={locale} t={t} />}
        </div>
      </IntentLink>
    </li>
  );
}

export function ProductGrid({ children }: { children: React.ReactNode }) {
  return <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 lg:grid-cols-4">{children}</ul>;
}
