import { redirect } from 'next/navigation';
import { requireStaff } from '@/lib/auth/guards';
import { listStaffStores } from '@/lib/auth/users';
import { getI18n, inRequestLocale } from '@/lib/i18n/server';
import { StorePicker } from '@/components/staff/store-picker';

/** The till's entry: straight to the only store, or a choice of the stores this person works in. */
export default async function TillEntryPage() {
  const user = await requireStaff('/staff/till');
  const [{ t }, stores] = await Promise.all([getI18n(), listStaffStores(user.id)]);
  const only = stores.length === 1 ? stores[0] : undefined;
  if (only) redirect(await inRequestLocale(`/staff/stores/${only.id}/till`));
  return (
    <StorePicker
      title={t.till.pickStoreTitle}
      intro={stores.length ? t.till.pickStoreIntro : t.staff.noStores}
      stores={stores}
      desk="till"
      testId="till-store"
    />
  );
}
