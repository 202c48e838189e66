import { StatusPill, type StatusTone } from '@/components/status-pill';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatDateTime, formatTime, interpolate } from '@/lib/i18n/format';
import { PRIVATE_ADDRESS_ERROR } from '@/lib/webhooks/config';
import type { DeliveryRow } from '@/lib/webhooks/queries';

const TONE: Record<DeliveryRow['status'], StatusTone> = { queued: 'under_way', delivered: 'good', failed: 'failed' };

/** Each delivery (event, endpoint, status) and its attempts: when, what the receiver answered, how long it took. */
export function DeliveryLog({
  deliveries,
  locale,
  t,
  eventLabel,
  retry,
}: {
  /** The form that tries a given-up delivery again (a client component, given by the page; it shows nothing for the others). */
  retry: (delivery: DeliveryRow) => React.ReactNode;
  deliveries: DeliveryRow[];
  locale: Locale;
  t: Dictionary['integrations'];
  eventLabel: (event: string) => string;
}) {
  return (
    <section aria-labelledby="deliveries-title">
      <h2 id="deliveries-title" className="text-lg font-semibold">
        {t.deliveriesTitle}
      </h2>
      {deliveries.length === 0 ? (
        <p className="mt-3 card p-6 text-center text-muted">{t.deliveriesEmpty}</p>
      ) : (
        <ul className="mt-3 space-y-3" data-testid="webhook-deliveries">
          {deliveries.map((d) => (
            <li key={d.id} className="card p-4" data-testid="webhook-delivery" data-event-id={d.eventId} data-status={d.status}>
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <p className="font-semibold">
                    {eventLabel(d.event)} <span className="font-mono text-sm font-normal text-muted">{d.eventId}</span>
                  </p>
                  <p className="font-mono text-xs break-all text-muted">{d.url}</p>
                </div>
                <StatusPill tone={TONE[d.status]} status={d.status} label={t[`status_${d.status}`]} testId="delivery-status" />
              </div>
              {d.status === 'queued' && d.attempts.length > 0 ? (
                <p className="mt-1 text-sm text-muted">{interpolate(t.nextTry, { date: formatDateTime(d.nextAt, locale) })}</p>
              ) : null}
              {d.attempts.length === 0 ? (
                <p className="mt-2 text-sm text-muted">{t.attemptsNone}</p>
              ) : (
                <table className="mt-2 w-full text-left text-sm">
                  <caption className="sr-only">{interpolate(t.attemptsCaption, { id: d.id })}</caption>
                  <thead className="text-muted">
                    <tr>
                      <th scope="col" className="py-1 pr-2 font-medium">
                        {t.colAttempt}
                      </th>
                      <th scope="col" className="py-1 pr-2 font-medium">
                        {t.colAt}
                      </th>
                      <th scope="col" className="py-1 pr-2 font-medium">
                        {t.colAnswer}
                      </th>
                      <th scope="col" className="py-1 text-right font-medium">
                        {t.colDuration}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.attempts.map((a) => (
                      <tr key={a.attempt} className="border-t border-line align-top" data-testid="delivery-attempt">
                        <td className="py-1 pr-2 tabular-nums">{a.attempt}</td>
                        <td className="py-1 pr-2 whitespace-nowrap tabular-nums">{formatTime(a.at, locale)}</td>
                        <td className={`py-1 pr-2 break-words ${a.error ? 'text-out' : 'text-ok'}`}>
                          {a.error === PRIVATE_ADDRESS_ERROR ? t.attemptPrivateAddress : (a.statusCode ?? t.noAnswer)}
                          {a.error && a.error !== PRIVATE_ADDRESS_ERROR && a.statusCode === null ? ` · ${a.error}` : ''}
                        </td>
                        <td className="py-1 text-right whitespace-nowrap tabular-nums">{a.durationMs} ms</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {retry(d)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
