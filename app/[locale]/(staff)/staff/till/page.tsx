import Link from 'next/link';
import { redirect } from 'next/navigation';
import { requireStaff } from '@/lib/auth/guards';
import { listStaffStores } from '@/lib/auth/users';
import { getI18n } from '@/lib/i18n/server';

/** The till's entry: straight to the only store, or a choice of the stores this person works in. */
export default async function TillEntryPage() {
  const user = await requireStaff('/staff/till');
  const [{ t }, stores] = await Promise.all([getI18n(), listStaffStores(user.id)]);
  const only = stores.length === 1 ? stores[0] : undefined;
  if (only) redirect(`/staff/stores/${only.id}/till`);
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-xl font-bold sm:text-2xl">{t.till.pickStoreTitle}</h1>
      <p className="mt-1 text-sm text-muted">{stores.length ? t.till.pickStoreIntro : t.staff.noStores}</p>
      <ul className="mt-5 grid gap-3 sm:grid-cols-2">
        {stores.map((s) => (
          <li key={s.id}>
            <Link href={`/staff/stores/${s.id}/till`} className="card flex min-h-16 flex-col justify-center px-4 py-3 hover:border-brand-500" data-testid="till-store">
              <span className="font-semibold">{s.name}</span>
              <span className="text-sm text-muted">{s.town}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
