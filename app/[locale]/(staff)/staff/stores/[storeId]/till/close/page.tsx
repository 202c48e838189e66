import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Link } from '@/components/layout/link';
import { StoreDeskHeader } from '@/components/staff/store-desk-header';
import { CloseCard } from '@/components/staff/till/close-card';
import { CloseForm } from '@/components/staff/till/close-form';
import { canActOnStore, requireStaff } from '@/lib/auth/guards';
import { listStaffStores } from '@/lib/auth/users';
import { getI18n } from '@/lib/i18n/server';
import { listTillCloses, parisToday } from '@/lib/sales/close';
import { closeTillAction } from './close-till-action';

type Params = { params: Promise<{ storeId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.till.closeTitle };
}

/** The end-of-day close of a store's till (one till per store) and its past closes, for staff of that store. */
export default async function TillClosePage({ params }: Params) {
  const { storeId: raw } = await params;
  const user = await requireStaff(`/staff/stores/${encodeURIComponent(raw)}/till/close`);
  const storeId = /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  // Not a member and unknown store give the same 404: nothing about other stores leaks.
  if (storeId === null || !(await canActOnStore(user.id, storeId))) notFound();
  const [{ locale, t }, stores, closes] = await Promise.all([getI18n(), listStaffStores(user.id), listTillCloses(storeId)]);
  const store = stores.find((s) => s.id === storeId);
  return (
    <div className="space-y-4">
      <StoreDeskHeader storeId={storeId} store={store} current="till" t={t} />
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="till-close-title" className="text-lg font-bold">
          {t.till.closeTitle}
        </h2>
        <Link href={`/staff/stores/${storeId}/till`} className="text-sm font-medium text-brand-700 underline">
          {t.till.navTill}
        </Link>
      </div>
      <p className="text-sm text-muted">{t.till.closeIntro}</p>
      <CloseForm storeId={storeId} locale={locale} today={parisToday()} close={closeTillAction} labels={t.till} />
      <section aria-labelledby="till-close-history" className="space-y-2">
        <h2 id="till-close-history" className="text-lg font-bold">
          {t.till.closeHistory}
        </h2>
        {closes.length === 0 ? (
          <p className="text-sm text-muted">{t.till.closeNone}</p>
        ) : (
          <div className="grid gap-2 md:grid-cols-2">
            {closes.map(({ closedAt, ...c }) => (
              <CloseCard key={c.id} close={{ ...c, closedAt: closedAt.toISOString() }} locale={locale} labels={t.till} />
            ))}
          </div>
        )}
      </section>
    </div>
  );
}
