import type { Metadata } from 'next';
import { SecretIssueForm } from '@/components/integrations/secret-issue-form';
import { ConfirmForm } from '@/components/integrations/confirm-form';
import { DeliveryLog } from '@/components/integrations/delivery-log';
import { Link } from '@/components/layout/link';
import { RetryForm } from '@/components/integrations/retry-form';
import { StatusPill } from '@/components/status-pill';
import { requireAdminPage } from '@/lib/auth/require-admin';
import { formatDateTime, interpolate } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { parseWholeNumber } from '@/lib/input/integer';
import { listDeliveries, listWebhookEndpoints } from '@/lib/webhooks/queries';
import { WEBHOOK_EVENTS } from '@/lib/webhooks/schema';
import { addEndpointAction } from './add-endpoint-action';
import { disableEndpointAction } from './disable-endpoint-action';
import { retryDeliveryAction } from './retry-delivery-action';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.integrations.webhooksTitle };
}

type Search = Promise<{ before?: string | string[] }>;

/**
 * The admin's webhook endpoints (add, disable) and the log of every delivery with its attempts,
 * 50 a page, newest first (?before=: the keyset cursor of the older page; one that cannot be read
 * gives the newest page).
 */
export default async function WebhooksPage({ searchParams }: { searchParams: Search }) {
  await requireAdminPage('/admin/webhooks');
  const [{ locale, t }, params] = await Promise.all([getI18n(), searchParams]);
  const i = t.integrations;
  const raw = Array.isArray(params.before) ? params.before[0] : params.before;
  const before = parseWholeNumber(raw, { min: 1, max: Number.MAX_SAFE_INTEGER });
  const [endpoints, { deliveries, nextBefore }] = await Promise.all([listWebhookEndpoints(), listDeliveries({ before })]);
  const eventLabel = (e: string) => i[`event_${e}` as keyof typeof i];
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <div>
        <h1 className="text-xl font-bold sm:text-2xl">{i.webhooksTitle}</h1>
        <p className="mt-1 text-sm text-muted">{i.webhooksIntro}</p>
      </div>
      <SecretIssueForm
        id="endpoint"
        action={addEndpointAction}
        field={{ name: 'url', type: 'url', label: i.endpointUrl, hint: i.endpointUrlHint, maxLength: 2000, placeholder: 'https://' }}
        choicesName="events"
        choices={WEBHOOK_EVENTS.map((e) => ({ value: e, label: eventLabel(e) }))}
        labels={{
          title: i.newEndpoint,
          choices: i.endpointEvents,
          submit: i.addEndpoint,
          pending: i.adding,
          secret: i.signingSecret,
          copy: i.copy,
          copied: i.copied,
        }}
        messageTestId="add-endpoint-message"
      />
      <section aria-labelledby="endpoints-title">
        <h2 id="endpoints-title" className="text-lg font-semibold">
          {i.endpointsCaption}
        </h2>
        {endpoints.length === 0 ? (
          <p className="mt-3 card p-6 text-center text-muted">{i.endpointsEmpty}</p>
        ) : (
          <ul className="mt-3 space-y-3" data-testid="webhook-endpoints">
            {endpoints.map((e) => (
              <li key={e.id} className="card p-4" data-testid="webhook-endpoint">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <p className="min-w-0 font-mono text-sm break-all">{e.url}</p>
                  {e.disabledAt ? (
                    <StatusPill
                      tone="ended"
                      status="disabled"
                      label={interpolate(i.disabledOn, { date: formatDateTime(e.disabledAt, locale) })}
                      testId="endpoint-status"
                    />
                  ) : null}
                </div>
                <p className="mt-1 text-sm">{e.events.map(eventLabel).join(' · ')}</p>
                <p className="mt-1 text-sm text-muted">{interpolate(i.endpointCounts, { delivered: e.delivered, queued: e.queued, failed: e.failed })}</p>
                <div className="mt-3 empty:hidden">
                  <ConfirmForm
                    action={disableEndpointAction}
                    fields={{ endpointId: e.id }}
                    testId="disable-endpoint"
                    settled={Boolean(e.disabledAt)}
                    labels={{
                      ask: i.disable,
                      askNamed: interpolate(i.disableNamed, { url: e.url }),
                      confirm: i.disable,
                      confirmNamed: interpolate(i.disableNamed, { url: e.url }),
                      cancel: i.cancel,
                    }}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <DeliveryLog
        deliveries={deliveries}
        locale={locale}
        t={i}
        eventLabel={eventLabel}
        retry={(d) => (
          <RetryForm
            action={retryDeliveryAction}
            deliveryId={d.id}
            available={d.status === 'failed'}
            label={i.retryDelivery}
            named={interpolate(i.retryDeliveryNamed, { id: d.id })}
          />
        )}
      />
      <nav aria-label={i.deliveriesPages} className="flex justify-between gap-2" data-testid="deliveries-pages">
        {before ? (
          <Link href="/admin/webhooks#deliveries-title" className="btn-secondary">
            {i.deliveriesNewest}
          </Link>
        ) : (
          <span />
        )}
        {nextBefore && (
          <Link href={`/admin/webhooks?before=${nextBefore}#deliveries-title`} className="btn-secondary" rel="next">
            {i.deliveriesOlder}
          </Link>
        )}
      </nav>
    </div>
  );
}
