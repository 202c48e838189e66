import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Link } from '@/components/layout/link';
import { StoreDeskHeader } from '@/components/staff/store-desk-header';
import { TillScreen } from '@/components/staff/till/till-screen';
import { canActOnStore, requireStaff } from '@/lib/auth/guards';
import { listStaffStores } from '@/lib/auth/users';
import { getI18n } from '@/lib/i18n/server';
import { getLoyaltyRules } from '@/lib/loyalty/config';
import { checkGiftCardAction } from './check-gift-card-action';
import { completeSaleAction } from './complete-sale-action';
import { elsewhereAction } from './elsewhere-action';
import { findCustomerAction } from './find-customer-action';
import { findItemAction } from './find-item-action';
import { orderHomeDeliveryAction } from './home-delivery-action';
import { orderElsewhereAction } from './order-elsewhere-action';

type Params = { params: Promise<{ storeId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.till.title };
}

const actions = {
  findCustomer: findCustomerAction,
  findItem: findItemAction,
  elsewhere: elsewhereAction,
  completeSale: completeSaleAction,
  checkGiftCard: checkGiftCardAction,
  orderElsewhere: orderElsewhereAction,
  orderHomeDelivery: orderHomeDeliveryAction,
};

export default async function TillPage({ params }: Params) {
  const { storeId: raw } = await params;
  const user = await requireStaff(`/staff/stores/${encodeURIComponent(raw)}/till`);
  const storeId = /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  // Not a member and unknown store give the same 404: nothing about other stores leaks.
  if (storeId === null || !(await canActOnStore(user.id, storeId))) notFound();
  const [{ locale, t }, stores] = await Promise.all([getI18n(), listStaffStores(user.id)]);
  const store = stores.find((s) => s.id === storeId);
  const rules = getLoyaltyRules();
  return (
    <div className="space-y-4">
      <StoreDeskHeader storeId={storeId} store={store} current="till" t={t} />
      <p className="-mt-2 flex flex-wrap justify-end gap-x-4">
        <Link href={`/staff/stores/${storeId}/till/gift-card`} className="text-sm font-medium text-brand-700 underline" data-testid="till-gift-card-link">
          {t.wallet.sellGiftCard}
        </Link>
        <Link href={`/staff/stores/${storeId}/till/close`} className="text-sm font-medium text-brand-700 underline" data-testid="till-close-link">
          {t.till.closeTitle}
        </Link>
      </p>
      {/* The ticket's key is the screen's own (made when a ticket opens): a re-render here must not change it. */}
      <TillScreen
        storeId={storeId}
        locale={locale}
        redeemStep={{ points: rules.redeemStepPoints, cents: rules.redeemStepCents }}
        actions={actions}
        labels={t.till}
        walletLabels={t.wallet}
        payments={t.payments}
      />
    </div>
  );
}
