'use client';
import { useActionState, useEffect, useState } from 'react';
import useSWR from 'swr';
import { Link } from '@/components/layout/link';
import { initialActionState, latestAnswer, type ActionState } from '@/lib/actions/state';
import { DeskSection } from './desk-section';
import { OrderActions, type OrderActionButton } from './order-actions';
import { OrderCard, type StaffOrderView } from './order-card';
import { fetchScreen, useLiveDrive, type DriveLiveStatus } from './use-live-drive';

/** What the drive screen shows, as its GET route returns it (texts already in the reader's language). */
export type DriveScreenData = {
  at: string;
  arrived: StaffOrderView[];
  toPrepare: StaffOrderView[];
  ready: StaffOrderView[];
  done: StaffOrderView[];
};

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

export type DriveLabels = {
  title: string;
  sections: string;
  arrived: string;
  toPrepare: string;
  ready: string;
  done: string;
  upcoming: string;
  loading: string;
  nothing: string;
  live: string;
  liveOff: string;
  connecting: string;
  startPreparing: string;
  markReady: string;
  handOver: string;
  /** With {total}: "Take €42.00… Payment taken and bags handed over?" */
  handOverConfirm: string;
  /** With {total}: paid online, the card is charged what is handed over. */
  handOverCardConfirm: string;
  /** The picking page of an order being prepared. */
  pick: string;
  handOverSubmit: string;
  cancel: string;
  /** With {number}. */
  cancelConfirm: string;
  cancelSubmit: string;
  back: string;
  pending: string;
  /** "{action}: order {number}": a card button's accessible name. */
  actionOnOrder: string;
  card: { quantity: string; arrivedAgo: string; noBay: string; bay: string; slot: string; late: string };
};

type Props = {
  storeId: number;
  locale: string;
  initial: DriveScreenData;
  actions: { start: Action; ready: Action; handOver: Action; cancel: Action };
  labels: DriveLabels;
};

const statusText = (status: DriveLiveStatus, l: DriveLabels) => (status === 'live' ? l.live : status === 'polling' ? l.liveOff : l.connecting);

/**
 * The drive screen of one store: arrived shoppers first and loudest, then what to prepare (by
 * slot), what is ready, what is done today, and the coming days folded away. It follows the
 * store live (use-live-drive), and re-reads after each of its own actions as well, so a refusal
 * or a colleague's change shows at once even while polling.
 */
export function DriveScreen({ storeId, locale, initial, actions, labels }: Props) {
  // The coming days are read once unfolded, then kept current with the rest.
  const [upcomingOpen, setUpcomingOpen] = useState(false);
  const upcomingKey = upcomingOpen ? `/api/staff/stores/${storeId}/drive?part=upcoming` : null;
  const { data, status, refresh } = useLiveDrive(storeId, initial, upcomingKey);
  const { data: upcoming } = useSWR<StaffOrderView[]>(upcomingKey, fetchScreen<StaffOrderView[]>, {
    keepPreviousData: true,
    refreshInterval: status === 'polling' ? 10_000 : 0,
  });
  const [started, start] = useActionState(actions.start, initialActionState);
  const [readied, ready] = useActionState(actions.ready, initialActionState);
  const [handed, handOver] = useActionState(actions.handOver, initialActionState);
  const [cancelled, cancel] = useActionState(actions.cancel, initialActionState);
  const last = latestAnswer(started, readied, handed, cancelled);
  useEffect(() => {
    if (last.at) refresh();
  }, [last.at, refresh]);

  const buttons = (o: StaffOrderView): OrderActionButton[] => {
    const cancelButton: OrderActionButton = {
      key: 'cancel',
      label: labels.cancel,
      action: cancel,
      tone: 'danger',
      confirm: { question: labels.cancelConfirm.replace('{number}', o.number), submit: labels.cancelSubmit },
    };
    switch (o.status) {
      case 'placed':
        return [
          { key: 'start', label: labels.startPreparing, action: start, tone: 'secondary' },
          { key: 'ready', label: labels.markReady, action: ready, tone: 'primary' },
          cancelButton,
        ];
      case 'preparing':
        return [{ key: 'ready', label: labels.markReady, action: ready, tone: 'primary' }, cancelButton];
      case 'ready':
        return [
          {
            key: 'handOver',
            label: labels.handOver,
            action: handOver,
            tone: 'primary',
            confirm: {
              question: (o.cardPaid ? labels.handOverCardConfirm : labels.handOverConfirm).replace('{total}', o.total),
              submit: labels.handOverSubmit,
            },
          },
          cancelButton,
        ];
      default:
        return [];
    }
  };

  const card = (o: StaffOrderView, urgent = false) => (
    <OrderCard order={o} labels={labels.card} locale={locale} urgent={urgent}>
      {(o.status === 'placed' || o.status === 'preparing') && (
        <Link
          href={`/staff/stores/${storeId}/drive/pick/${o.id}`}
          className="mb-2 btn-secondary min-h-12 w-full sm:min-h-11"
          aria-label={labels.actionOnOrder.replace('{action}', labels.pick).replace('{number}', o.number)}
        >
          {labels.pick}
        </Link>
      )}
      {buttons(o).length > 0 && (
        <OrderActions
          orderId={o.id}
          orderNumber={o.number}
          fields={{ storeId }}
          buttons={buttons(o)}
          labels={{ pending: labels.pending, back: labels.back, actionOnOrder: labels.actionOnOrder }}
        />
      )}
    </OrderCard>
  );

  const columns = [
    { id: 'to-prepare', title: labels.toPrepare, items: data.toPrepare },
    { id: 'ready', title: labels.ready, items: data.ready },
    { id: 'done-today', title: labels.done, items: data.done },
  ];

  return (
    <div className="space-y-4" data-testid="drive-screen">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted">{labels.title}</p>
        <p
          data-testid="drive-live-status"
          data-live-status={status}
          className="inline-flex items-center gap-2 rounded-full border border-line bg-white px-3 py-1 text-xs font-semibold text-muted"
        >
          <span
            aria-hidden="true"
            className={`size-2 rounded-full ${status === 'live' ? 'animate-pulse bg-ok' : status === 'polling' ? 'bg-low' : 'bg-line'}`}
          />
          {statusText(status, labels)}
        </p>
      </div>
      <p
        aria-live="polite"
        data-testid="drive-message"
        className={`fixed inset-x-3 bottom-3 z-20 rounded-lg px-4 py-3 text-sm font-medium shadow-lg empty:hidden sm:static sm:shadow-none ${last.ok ? 'bg-green-50 text-ok' : 'bg-red-50 text-out'}`}
      >
        {last.message}
      </p>
      <DeskSection id="arrived" title={labels.arrived} count={data.arrived.length} empty={labels.nothing} tone="urgent">
        {data.arrived.length > 0 && (
          <ul className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
            {data.arrived.map((o) => (
              <li key={o.id}>{card(o, true)}</li>
            ))}
          </ul>
        )}
      </DeskSection>
      {/* On a phone the three lists stack: a way to jump to the one needed. */}
      <nav aria-label={labels.sections} className="lg:hidden">
        <ul className="grid grid-cols-3 gap-2">
          {columns.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`} className="flex min-h-14 flex-col items-center justify-center card px-1 py-1.5 text-center hover:border-brand-500">
                <span className="text-lg leading-tight font-bold tabular-nums">{s.items.length}</span>
                <span className="text-xs leading-tight text-muted">{s.title}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="grid gap-6 lg:grid-cols-3">
        {columns.map((s) => (
          <DeskSection key={s.id} id={s.id} title={s.title} count={s.items.length} empty={labels.nothing}>
            {s.items.length > 0 && (
              <ul className="space-y-3">
                {s.items.map((o) => (
                  <li key={o.id}>{card(o)}</li>
                ))}
              </ul>
            )}
          </DeskSection>
        ))}
      </div>
      <details className="group card" data-testid="drive-upcoming" onToggle={(e) => setUpcomingOpen(e.currentTarget.open)}>
        <summary className="flex min-h-12 cursor-pointer items-center gap-2 px-4 font-bold">
          <span aria-hidden="true" className="transition-transform group-open:rotate-90">
            ›
          </span>
          {labels.upcoming}
          {upcoming && <span className="rounded-full bg-line px-2 py-0.5 text-xs font-semibold text-ink tabular-nums">{upcoming.length}</span>}
        </summary>
        <div className="border-t border-line p-4" aria-busy={!upcoming}>
          {!upcoming ? (
            <p className="text-sm text-muted">{labels.loading}</p>
          ) : upcoming.length === 0 ? (
            <p className="text-sm text-muted">{labels.nothing}</p>
          ) : (
            <ul className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
              {upcoming.map((o) => (
                <li key={o.id}>{card(o)}</li>
              ))}
            </ul>
          )}
        </div>
      </details>
    </div>
  );
}
