import { connection, type NextRequest } from 'next/server';
import { getI18n } from '@/lib/i18n/server';
import { loadDriveScreen, loadUpcomingDrive } from '@/components/staff/order-views';
import { checkDriveAccess } from './drive-access';
import { withDatabaseOutage } from '@/lib/http/outage';

/**
 * GET /api/staff/stores/<id>/drive — the drive screen's day (arrived, to prepare, ready, done
 * today) for SWR to re-read on each live event, or every 10 s without the stream;
 * `?part=upcoming`: the coming days' orders, read once staff unfold them.
 */
async function handle(request: NextRequest, { params }: { params: Promise<{ storeId: string }> }) {
  await connection();
  const access = await checkDriveAccess((await params).storeId);
  if (!access.ok) return access.response;
  const { locale, t } = await getI18n();
  const upcoming = request.nextUrl.searchParams.get('part') === 'upcoming';
  const data = upcoming ? await loadUpcomingDrive(access.storeId, locale, t) : await loadDriveScreen(access.storeId, locale, t);
  return Response.json(data, { headers: { 'Cache-Control': 'private, no-store' } });
}

/** A lost database answers 503 "try again", not 500 (lib/http/outage.ts). */
export const GET = withDatabaseOutage(handle);
