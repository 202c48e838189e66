import { Link } from '@/components/layout/link';
import { getI18n } from '@/lib/i18n/server';

/** Unknown store and "not your store" look the same: nothing is revealed about other stores. */
export default async function StaffNotFound() {
  const { t } = await getI18n();
  return (
    <div className="mx-auto max-w-md py-10 text-center">
      <h1 className="text-xl font-bold">{t.common.notFoundTitle}</h1>
      <p className="mt-2 text-muted">{t.common.notFoundBody}</p>
      <Link href="/staff" className="mt-6 btn-primary">
        {t.staff.pickStoreTitle}
      </Link>
    </div>
  );
}
