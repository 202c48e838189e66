import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { requireStaff } from '@/lib/auth/guards';
import { listStaffStores } from '@/lib/auth/users';
import { getI18n } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.returns.deskTitle };
}

/** The returns desk's entry: straight to the only shop with a desk, or a choice of them. */
export default async function ReturnsEntryPage() {
  const user = await requireStaff('/staff/returns');
  const [{ t }, all] = await Promise.all([getI18n(), listStaffStores(user.id)]);
  const stores = all.filter((s) => s.returnsDesk);
  const only = stores.length === 1 ? stores[0] : undefined;
  if (only) redirect(`/staff/stores/${only.id}/returns`);
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-xl font-bold sm:text-2xl">{t.returns.pickStoreTitle}</h1>
      <p className="mt-1 text-sm text-muted">{stores.length ? t.returns.pickStoreIntro : t.returns.noDeskStores}</p>
      <ul className="mt-5 grid gap-3 sm:grid-cols-2">
        {stores.map((s) => (
          <li key={s.id}>
            <Link href={`/staff/stores/${s.id}/returns`} className="card flex min-h-16 flex-col justify-center px-4 py-3 hover:border-brand-500" data-testid="returns-store">
              <span className="font-semibold">{s.name}</span>
              <span className="text-sm text-muted">{s.town}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
