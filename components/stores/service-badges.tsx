import type { Dictionary } from '@/lib/i18n/dictionary';
import type { StoreService } from '@/lib/stores/queries';

type Texts = Pick<Dictionary['stores'], 'services' | 'serviceClickReserve' | 'serviceDrive' | 'serviceReturnsDesk' | 'servicePhoneOrders'>;

export const SERVICE_LABEL_KEY = {
  clickReserve: 'serviceClickReserve',
  drive: 'serviceDrive',
  returnsDesk: 'serviceReturnsDesk',
  phoneOrders: 'servicePhoneOrders',
} as const satisfies Record<StoreService, keyof Texts>;

/** The badges' style is set once on the list, not on each badge; the locator's cards (store-cards-html.ts) write the same list. */
export const SERVICE_BADGES_CLASS = 'flex flex-wrap gap-1.5 *:rounded-full *:bg-brand-50 *:px-2.5 *:py-0.5 *:text-xs *:font-medium *:text-brand-700';

export function ServiceBadges({ services, t }: { services: readonly StoreService[]; t: Texts }) {
  if (services.length === 0) return null;
  return (
    <ul aria-label={t.services} className={SERVICE_BADGES_CLASS}>
      {services.map((s) => (
        <li key={s}>{t[SERVICE_LABEL_KEY[s]]}</li>
      ))}
    </ul>
  );
}
