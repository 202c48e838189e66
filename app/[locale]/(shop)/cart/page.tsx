import type { Metadata } from 'next';
import { CartView } from '@/components/cart/cart-view';
import type { CartLineView, CartViewTexts } from '@/components/cart/types';
import { variantOf } from '@/components/reservations/reservation-lines';
import { cartLimits } from '@/lib/cart/config';
import { currentCartRef } from '@/lib/cart/identity';
import { getCart } from '@/lib/cart/queries';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatMessage } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { FulfilmentPanel, loadFulfilment } from './fulfilment-panel';
import { removeLineAction } from './remove-line-action';
import { setQuantityAction } from './set-quantity-action';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.cart.title, robots: { index: false } };
}

function viewTexts(t: Dictionary['cart']): CartViewTexts {
  const { quantityOf, decrease, increase, remove, removeItem, each, subtotal, subtotalHint, items, empty, emptyHint, browse, checkout, failed } = t;
  return { quantityOf, decrease, increase, remove, removeItem, each, subtotal, subtotalHint, items, empty, emptyHint, browse, checkout, failed };
}

type Props = { searchParams: Promise<{ near?: string | string[] }> };

/** The cart: lines with a stepper, home delivery or drive, what the chosen mode cannot serve, checkout. */
export default async function CartPage({ searchParams }: Props) {
  const [{ locale, t }, { near }, ref] = await Promise.all([getI18n(), searchParams, currentCartRef()]);
  const cart = ref ? await getCart(ref, locale) : null;
  const lines = cart?.lines ?? [];
  const fulfilment = await loadFulfilment({ cart, near: typeof near === 'string' ? near : undefined, t: t.cart });
  const views: CartLineView[] = lines.map((l) => ({
    skuId: l.skuId,
    href: `/p/${l.productSlug}?sku=${l.skuId}`,
    name: l.productName,
    brand: l.brand,
    image: l.image,
    variant: variantOf(l, locale, t),
    quantity: l.quantity,
    unitPriceCents: l.unitPriceCents,
    mark: fulfilment.marks.get(l.skuId) ?? null,
  }));
  const units = cart?.units ?? 0;
  return (
    <div className="mx-auto w-full max-w-5xl">
      <h1 className="mb-4 text-2xl font-bold tracking-tight">
        {t.cart.title}
        {units > 0 && (
          <>
            {/* A real space, not a margin: the heading reads "Your cart (4 items)", not "Your cart(4 items)". */}{' '}
            <span className="text-base font-normal text-muted">({formatMessage(t.cart.items, { count: units }, locale)})</span>
          </>
        )}
      </h1>
      <CartView
        lines={views}
        locale={locale}
        maxPerLine={cartLimits().maxPerLine}
        t={viewTexts(t.cart)}
        setQuantity={setQuantityAction}
        removeLine={removeLineAction}
        fulfilment={<FulfilmentPanel data={fulfilment} t={t.cart} />}
        checkoutBlocked={fulfilment.checkoutBlocked}
      />
    </div>
  );
}
