import type { Metadata } from 'next';
import { AccountSubpageHeading } from '@/components/account/account-subpage-heading';
import { Link } from '@/components/layout/link';
import { ReservationCard } from '@/components/reservations/reservation-card';
import { requireUser } from '@/lib/auth/guards';
import { getI18n } from '@/lib/i18n/server';
import { listCustomerReservations } from '@/lib/reservations/queries';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.reservations.listTitle, robots: { index: false } };
}

/** "My reservations": open ones first, soonest deadline first; then the rest, newest first. */
export default async function ReservationsPage() {
  const user = await requireUser('/account/reservations');
  const { locale, t } = await getI18n();
  const reservations = await listCustomerReservations(user.id, locale);
  // eslint-disable-next-line react-hooks/purity -- a Server Component renders once per request and never again in the browser: the request's time
  const now = Date.now();
  const tr = t.reservations;
  return (
    <div className="mx-auto w-full max-w-2xl">
      <AccountSubpageHeading back={t.account.accountTitle} title={tr.listTitle} intro={tr.listIntro} />
      {reservations.length === 0 ? (
        <div className="mt-6 card p-6 text-center" data-testid="reservations-empty">
          <p className="font-semibold">{tr.empty}</p>
          <p className="mt-1 text-sm text-muted">{tr.emptyHint}</p>
          <Link href="/" className="mt-4 btn-primary">
            {tr.browse}
          </Link>
        </div>
      ) : (
        <ul className="mt-6 space-y-3" data-testid="reservations-list">
          {reservations.map((r) => (
            <ReservationCard key={r.id} reservation={r} now={now} locale={locale} t={t} />
          ))}
        </ul>
      )}
    </div>
  );
}
