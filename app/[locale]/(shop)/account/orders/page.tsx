import type { Metadata } from 'next';
import { AccountSubpageHeading } from '@/components/account/account-subpage-heading';
import { Link } from '@/components/layout/link';
import { OrderCard } from '@/components/my-orders/order-card';
import { requireUser } from '@/lib/auth/guards';
import { getI18n } from '@/lib/i18n/server';
import { listCustomerOrders } from '@/lib/orders/queries';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.orders.listTitle, robots: { index: false } };
}

/** "My orders": open ones first, then the newest. */
export default async function OrdersPage() {
  const user = await requireUser('/account/orders');
  const { locale, t } = await getI18n();
  const orders = await listCustomerOrders(user.id, locale);
  const to = t.orders;
  return (
    <div className="mx-auto w-full max-w-2xl">
      <AccountSubpageHeading back={t.account.accountTitle} title={to.listTitle} intro={to.listIntro} />
      {orders.length === 0 ? (
        <div className="mt-6 card p-6 text-center" data-testid="orders-empty">
          <p className="font-semibold">{to.listEmpty}</p>
          <Link href="/" className="mt-4 btn-primary">
            {to.browse}
          </Link>
        </div>
      ) : (
        <ul className="mt-6 space-y-3" data-testid="orders-list">
          {orders.map((o) => (
            <OrderCard key={o.id} order={o} locale={locale} t={to} />
          ))}
        </ul>
      )}
    </div>
  );
}
