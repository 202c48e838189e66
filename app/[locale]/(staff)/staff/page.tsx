import { Link } from '@/components/layout/link';
import { redirect } from 'next/navigation';
import { requireStaff } from '@/lib/auth/guards';
import { listStaffStores } from '@/lib/auth/users';
import { getI18n, inRequestLocale } from '@/lib/i18n/server';

export default async function StaffHomePage() {
  const user = await requireStaff('/staff');
  const [{ t }, stores] = await Promise.all([getI18n(), listStaffStores(user.id)]);
  const only = stores.length === 1 ? stores[0] : undefined;
  if (only) redirect(await inRequestLocale(`/staff/stores/${only.id}`));
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-xl font-bold sm:text-2xl">{t.staff.pickStoreTitle}</h1>
      <p className="mt-1 text-sm text-muted">{stores.length ? t.staff.pickStoreIntro : t.staff.noStores}</p>
      {stores.length > 0 && (
        <Link
          href="/staff/till"
          className="mt-5 flex min-h-16 flex-col justify-center card border-brand-100 bg-brand-50 px-4 py-3 hover:border-brand-500"
          data-testid="staff-till"
        >
          <span className="font-semibold">{t.till.title}</span>
          <span className="text-sm text-muted">{t.till.pickStoreIntro}</span>
        </Link>
      )}
      {stores.some((s) => s.returnsDesk) && (
        <Link
          href="/staff/returns"
          className="mt-3 flex min-h-16 flex-col justify-center card border-brand-100 bg-brand-50 px-4 py-3 hover:border-brand-500"
          data-testid="staff-returns"
        >
          <span className="font-semibold">{t.returns.staffLink}</span>
          <span className="text-sm text-muted">{t.returns.staffLinkHint}</span>
        </Link>
      )}
      {user.role === 'admin' && (
        <Link
          href="/staff/deliveries"
          className="mt-5 flex min-h-16 flex-col justify-center card border-brand-100 bg-brand-50 px-4 py-3 hover:border-brand-500"
          data-testid="staff-deliveries"
        >
          <span className="font-semibold">{t.orders.deliveryDeskLink}</span>
          <span className="text-sm text-muted">{t.orders.staffDeliveryIntro}</span>
        </Link>
      )}
      {user.role === 'admin' && (
        <Link href="/staff/messages" className="mt-3 flex min-h-16 flex-col justify-center card px-4 py-3 hover:border-brand-500" data-testid="staff-messages">
          <span className="font-semibold">{t.messages.staffLink}</span>
          <span className="text-sm text-muted">{t.messages.staffLinkHint}</span>
        </Link>
      )}
      <ul className="mt-5 grid gap-3 sm:grid-cols-2">
        {stores.map((s) => (
          <li key={s.id}>
            <Link
              href={`/staff/stores/${s.id}`}
              className="flex min-h-16 flex-col justify-center card px-4 py-3 hover:border-brand-500"
              data-testid="staff-store"
            >
              <span className="font-semibold">{s.name}</span>
              <span className="text-sm text-muted">{s.town}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
