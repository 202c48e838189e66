import Link from 'next/link';
import { getI18n } from '@/lib/i18n/server';

/** My store and account: per-visitor parts of the header, streamed after the shared shell. */
export async function HeaderSlots() {
  const { t } = await getI18n();
  return (
    <>
      <Link href="/stores" className="font-medium hover:underline">
        {t.common.chooseStore}
      </Link>
    </>
  );
}
