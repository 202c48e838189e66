import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { requireStaff } from '@/lib/auth/guards';
import { listStaffStores } from '@/lib/auth/users';
import { getI18n, inRequestLocale } from '@/lib/i18n/server';
import { StorePicker } from '@/components/staff/store-picker';

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
  if (only) redirect(await inRequestLocale(`/staff/stores/${only.id}/returns`));
  return (
    <StorePicker
      title={t.returns.pickStoreTitle}
      intro={stores.length ? t.returns.pickStoreIntro : t.returns.noDeskStores}
      stores={stores}
      desk="returns"
      testId="returns-store"
    />
  );
}
