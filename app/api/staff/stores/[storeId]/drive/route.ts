import { connection } from 'next/server';
import { getI18n } from '@/lib/i18n/server';
import { loadDriveScreen } from '@/app/[locale]/(staff)/staff/order-views';
import { checkDriveAccess } from './drive-access';

/**
 * GET /api/staff/stores/<id>/drive — the drive screen's data (arrived, to prepare, ready, done
 * today, coming days) for SWR to re-read on each live event, or every 10 s without the stream.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ storeId: string }> }) {
  await connection();
  const access = await checkDriveAccess((await params).storeId);
  if (!access.ok) return access.response;
  const { locale, t } = await getI18n();
  const data = await loadDriveScreen(access.storeId, locale, t);
  return Response.json(data, { headers: { 'Cache-Control': 'private, no-store' } });
}
