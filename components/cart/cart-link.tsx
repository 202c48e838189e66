import { IntentLink } from '@/components/layout/intent-link';
import type { Locale } from '@/lib/i18n/config';
import { formatMessage } from '@/lib/i18n/format';

function BagIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6 fill-none stroke-current" strokeWidth={1.8}>
      <path d="M5 8h14l-1.2 11.1a2 2 0 0 1-2 1.9H8.2a2 2 0 0 1-2-1.9L5 8z" strokeLinejoin="round" />
      <path d="M9 10V6.5a3 3 0 0 1 6 0V10" strokeLinecap="round" />
    </svg>
  );
}

export type CartLinkTexts = { cart: string; cartCount: string; locale: Locale };

/**
 * The header's cart icon with the number of units in the visitor's cart. The same size with or
 * without a count (the badge sits over the icon's corner), so while the count is not known yet —
 * or could not be read — it is the plain link, and nothing moves when the count arrives.
 */
export function CartLink({ count, t }: { count: number | undefined; t: CartLinkTexts }) {
  const label = count ? formatMessage(t.cartCount, { count }, t.locale) : t.cart;
  return (
    <IntentLink
      href="/cart"
      aria-label={label}
      title={label}
      className="relative inline-flex min-h-11 min-w-11 shrink-0 items-center justify-center rounded-lg text-ink hover:bg-brand-50 hover:text-brand-700"
      data-testid="cart-link"
    >
      <BagIcon />
      {count !== undefined && count > 0 && (
        <span
          aria-hidden="true"
          className="absolute top-0.5 right-0 grid h-5 min-w-5 place-items-center rounded-full bg-brand-600 px-1 text-xs font-bold text-white tabular-nums"
          data-testid="cart-count"
        >
          {count > 99 ? '99+' : count}
        </span>
      )}
    </IntentLink>
  );
}
