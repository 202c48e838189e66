import type { Metadata } from 'next';
import { ConfirmForm } from '@/components/integrations/confirm-form';
import { SecretIssueForm } from '@/components/integrations/secret-issue-form';
import { StatusPill } from '@/components/status-pill';
import { listApiKeys } from '@/lib/api/keys';
import { API_SCOPES } from '@/lib/api/schema';
import { requireAdminPage } from '@/lib/auth/require-admin';
import { formatDateTime, interpolate } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { createKeyAction } from './create-key-action';
import { revokeKeyAction } from './revoke-key-action';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.integrations.apiKeysTitle };
}

/** The admin's API keys: make one (its secret shown once), see when each was last used, revoke one. */
export default async function ApiKeysPage() {
  await requireAdminPage('/admin/api-keys');
  const { locale, t } = await getI18n();
  const i = t.integrations;
  const keys = await listApiKeys();
  const scopeLabel = (s: string) => i[`scope_${s}` as keyof typeof i];
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <div>
        <h1 className="text-xl font-bold sm:text-2xl">{i.apiKeysTitle}</h1>
        <p className="mt-1 text-sm text-muted">
          {i.apiKeysIntro}{' '}
          <a href="/api/v1/openapi.json" className="font-medium text-brand-700 underline">
            {i.docsLink}
          </a>
        </p>
      </div>
      <SecretIssueForm
        id="key"
        action={createKeyAction}
        field={{ name: 'name', label: i.keyName, hint: i.keyNameHint, maxLength: 80 }}
        choicesName="scopes"
        choices={API_SCOPES.map((s) => ({ value: s, label: scopeLabel(s) }))}
        labels={{
          title: i.newKey,
          choices: i.keyScopes,
          submit: i.createKey,
          pending: i.creating,
          secret: i.secretLabel,
          copy: i.copy,
          copied: i.copied,
        }}
        messageTestId="create-key-message"
      />
      <section aria-labelledby="keys-title">
        <h2 id="keys-title" className="text-lg font-semibold">
          {i.keysCaption}
        </h2>
        {keys.length === 0 ? (
          <p className="mt-3 card p-6 text-center text-muted">{i.keysEmpty}</p>
        ) : (
          <ul className="mt-3 space-y-3" data-testid="api-keys">
            {keys.map((k) => (
              <li key={k.id} className="card p-4" data-testid="api-key" data-prefix={k.prefix}>
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <p className="font-semibold break-words">{k.name}</p>
                    <p className="font-mono text-sm text-muted">{k.prefix}…</p>
                  </div>
                  {k.revokedAt ? (
                    <StatusPill
                      tone="ended"
                      status="revoked"
                      label={interpolate(i.revoked, { date: formatDateTime(k.revokedAt, locale) })}
                      testId="key-status"
                    />
                  ) : (
                    <StatusPill tone="good" status="active" label={i.active} testId="key-status" />
                  )}
                </div>
                <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                  <dt className="text-muted">{i.colScopes}</dt>
                  <dd>{k.scopes.map(scopeLabel).join(' · ')}</dd>
                  <dt className="text-muted">{i.colCreated}</dt>
                  <dd>{formatDateTime(k.createdAt, locale)}</dd>
                  <dt className="text-muted">{i.colLastUsed}</dt>
                  <dd data-testid="key-last-used">{k.lastUsedAt ? formatDateTime(k.lastUsedAt, locale) : i.neverUsed}</dd>
                </dl>
                <div className="mt-3 empty:hidden">
                  <ConfirmForm
                    action={revokeKeyAction}
                    fields={{ keyId: k.id }}
                    testId="revoke-key"
                    settled={Boolean(k.revokedAt)}
                    labels={{
                      ask: i.revoke,
                      askNamed: interpolate(i.revokeNamed, { name: k.name }),
                      confirm: i.revokeConfirm,
                      confirmNamed: interpolate(i.revokeConfirmNamed, { name: k.name }),
                      cancel: i.cancel,
                    }}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
