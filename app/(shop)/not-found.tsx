import { NotFoundBody } from '@/components/layout/not-found-body';
import { getI18n } from '@/lib/i18n/server';

// Unknown product, store or department: rendered inside the shop layout (full header).
export default async function ShopNotFound() {
  const { t } = await getI18n();
  return <NotFoundBody t={t.common} />;
}
