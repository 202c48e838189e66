import type { Metadata } from 'next';
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
      <nav aria-label={t.account.accountTitle}>
        <Link href="/account" className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 hover:underline">
          ← {t.account.accountTitle}
        </Link>
      </nav>
      <h1 className="mt-1 text-2xl font-bold tracking-tight">{to.listTitle}</h1>
      <p className="mt-1 text-sm text-muted">{to.listIntro}</p>
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
