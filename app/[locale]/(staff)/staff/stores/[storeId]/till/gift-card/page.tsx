import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Link } from '@/components/layout/link';
import { StoreDeskHeader } from '@/components/staff/store-desk-header';
import { GiftCardSale } from '@/components/staff/till/gift-card-sale';
import { canActOnStore, requireStaff } from '@/lib/auth/guards';
import { listStaffStores } from '@/lib/auth/users';
import { getI18n } from '@/lib/i18n/server';
import { giftCardConfig } from '@/lib/wallet/config';
import { sellGiftCardAction } from './sell-gift-card-action';

type Params = { params: Promise<{ storeId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.wallet.sellGiftCard };
}

/** Selling a gift card at a store's till, for staff of that store. */
export default async function TillGiftCardPage({ params }: Params) {
  const { storeId: raw } = await params;
  const user = await requireStaff(`/staff/stores/${encodeURIComponent(raw)}/till/gift-card`);
  const storeId = /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  // Not a member and unknown store give the same 404: nothing about other stores leaks.
  if (storeId === null || !(await canActOnStore(user.id, storeId))) notFound();
  const [{ locale, t }, stores] = await Promise.all([getI18n(), listStaffStores(user.id)]);
  const store = stores.find((s) => s.id === storeId);
  const { minCents, maxCents } = giftCardConfig();
  return (
    <div className="space-y-4">
      <StoreDeskHeader storeId={storeId} store={store} current="till" t={t} />
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-bold">{t.wallet.sellGiftCard}</h2>
        <Link href={`/staff/stores/${storeId}/till`} className="text-sm font-medium text-brand-700 underline">
          {t.till.navTill}
        </Link>
      </div>
      <GiftCardSale
        storeId={storeId}
        locale={locale}
        limits={{ minCents, maxCents }}
        sell={sellGiftCardAction}
        labels={t.till}
        walletLabels={t.wallet}
        payments={t.payments}
      />
    </div>
  );
}
