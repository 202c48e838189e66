import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DriveScreen } from '@/components/staff/drive-screen';
import { StoreDeskHeader } from '@/components/staff/store-desk-header';
import { canActOnStore, requireStaff } from '@/lib/auth/guards';
import { getI18n } from '@/lib/i18n/server';
import { getStoreById } from '@/lib/stores/queries';
import { loadDriveScreen } from '@/components/staff/order-views';
import { cancelDriveOrderAction } from './cancel-order-action';
import { handOverAction } from './hand-over-action';
import { markReadyAction } from './mark-ready-action';
import { startPreparingAction } from './start-preparing-action';

type Params = { params: Promise<{ storeId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.orders.staffDriveTitle };
}

export default async function DrivePage({ params }: Params) {
  const { storeId: raw } = await params;
  const user = await requireStaff(`/staff/stores/${encodeURIComponent(raw)}/drive`);
  const storeId = /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  // Not a member, unknown store and a store without drive give the same 404.
  if (storeId === null || !(await canActOnStore(user.id, storeId))) notFound();
  const { locale, t } = await getI18n();
  const store = await getStoreById(storeId);
  if (!store?.services.includes('drive')) notFound();
  const initial = await loadDriveScreen(storeId, locale, t);
  const o = t.orders;

  return (
    <div className="space-y-4">
      <StoreDeskHeader
        storeId={storeId}
        store={{ name: store.name, town: store.town, drive: true, returnsDesk: store.services.includes('returnsDesk') }}
        current="drive"
        t={t}
      />
      <DriveScreen
        storeId={storeId}
        locale={locale}
        initial={initial}
        actions={{ start: startPreparingAction, ready: markReadyAction, handOver: handOverAction, cancel: cancelDriveOrderAction }}
        labels={{
          title: o.staffDriveIntro,
          sections: o.driveSections,
          arrived: o.arrivedNow,
          toPrepare: o.toPrepare,
          ready: o.readyList,
          done: o.doneToday,
          upcoming: o.upcoming,
          loading: o.loadingList,
          nothing: o.nothingHere,
          live: o.live,
          liveOff: o.liveOff,
          connecting: o.liveConnecting,
          startPreparing: o.startPreparing,
          markReady: o.markReady,
          handOver: o.handOver,
          handOverConfirm: `${o.handOverTotal} ${o.handOverConfirm}`,
          handOverCardConfirm: `${o.handOverCard} ${o.handOverConfirm}`,
          pick: o.pickOpen,
          handOverSubmit: o.handOverSubmit,
          cancel: o.staffCancel,
          cancelConfirm: o.staffCancelConfirm,
          cancelSubmit: o.staffCancelSubmit,
          back: o.back,
          pending: o.staffPending,
          actionOnOrder: o.actionOnOrder,
          card: { quantity: t.pickup.quantity, arrivedAgo: o.arrivedAgo, noBay: o.noBay, bay: o.arrivedBay, slot: o.slot, late: o.slotLate },
        }}
      />
    </div>
  );
}
