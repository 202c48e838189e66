import type { Metadata } from 'next';
import { Link } from '@/components/layout/link';
import { requireUser } from '@/lib/auth/guards';
import { SignOutForm } from '@/components/pwa/sign-out-form';
import { getI18n } from '@/lib/i18n/server';
import { formatDate, formatDateTime, formatPrice, interpolate } from '@/lib/i18n/format';
import { listUserSessions } from '@/lib/auth/sessions';
import { getStoreCredit } from '@/lib/returns/store-credit';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { DevicesCard } from '@/components/account/devices-card';
import { changePasswordAction } from './change-password-action';
import { signOutEverywhereAction } from './sign-out-everywhere-action';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.account.accountTitle, robots: { index: false } };
}

export default async function AccountPage() {
  const user = await requireUser('/account');
  const { t, locale } = await getI18n();
  const [sessions, credit] = await Promise.all([listUserSessions(user.id), getStoreCredit(user.id, 5)]);
  const isStaff = user.role === 'staff' || user.role === 'admin';
  return (
    <div className="mx-auto w-full max-w-xl py-4 sm:py-8">
      <h1 className="text-2xl font-bold tracking-tight">{t.account.accountTitle}</h1>
      <dl className="mt-6 divide-y divide-line card">
        {[
          [t.account.name, user.name],
          [t.account.email, user.email],
          [t.account.role, t.account[`role_${user.role}`]],
        ].map(([term, value]) => (
          <div key={term} className="flex flex-col gap-0.5 px-5 py-4 sm:flex-row sm:gap-4">
            <dt className="text-sm text-muted sm:w-32 sm:shrink-0">{term}</dt>
            <dd className="font-medium break-all" data-testid={`account-${term}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      {(credit.balanceCents > 0 || credit.entries.length > 0) && (
        <section className="mt-4 card px-5 py-4" aria-labelledby="account-store-credit" data-testid="store-credit">
          <div className="flex flex-wrap items-baseline justify-between gap-x-3">
            <h2 id="account-store-credit" className="font-semibold">
              {t.account.storeCreditTitle}
            </h2>
            <p className="text-lg font-bold tabular-nums" data-testid="store-credit-balance">
              {interpolate(t.account.storeCreditBalance, { amount: formatPrice(credit.balanceCents, locale) })}
            </p>
          </div>
          <p className="text-sm text-muted">{t.account.storeCreditHint}</p>
          <ul className="mt-2 divide-y divide-line text-sm">
            {credit.entries.map((e) => (
              <li key={e.id} className="flex justify-between gap-3 py-1.5">
                <span>
                  {t.account[`storeCredit_${e.kind}`]} ·{' '}
                  <span className="text-muted">{formatDate(new Date(e.at), locale, { day: 'numeric', month: 'short', year: 'numeric' })}</span>
                </span>
                <span className="tabular-nums">
                  {e.amountCents > 0 ? '+' : '−'}
                  {formatPrice(Math.abs(e.amountCents), locale)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ul className="mt-4 space-y-3">
        {[
          { href: '/account/card', title: t.card.accountLink, hint: t.card.accountLinkHint, testId: 'account-card-link', highlight: true },
          { href: '/account/orders', title: t.orders.listTitle, hint: t.orders.accountLinkHint },
          { href: '/account/addresses', title: t.orders.addressesTitle, hint: t.orders.addressesHint },
          { href: '/account/reservations', title: t.reservations.accountLink, hint: t.reservations.accountLinkHint },
          { href: '/account/activity', title: t.activity.accountLink, hint: t.activity.accountLinkHint },
        ].map(({ href, title, hint, testId, highlight }) => (
          <li key={href}>
            <Link
              href={href}
              className={`flex min-h-11 items-center justify-between gap-3 card px-5 py-4 hover:border-brand-500 ${highlight ? 'border-brand-100 bg-brand-50' : ''}`}
              data-testid={testId}
            >
              <span>
                <span className="block font-semibold">{title}</span>
                <span className="block text-sm text-muted">{hint}</span>
              </span>
              <span aria-hidden className="text-xl text-brand-700">
                →
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <div className="mt-6 flex flex-col gap-3 sm:flex-row">
        {isStaff && (
          <Link href="/staff" className="btn-primary">
            {t.account.staffConsole}
          </Link>
        )}
        <SignOutForm label={t.account.signOut} buttonClassName="btn-secondary w-full sm:w-auto" />
      </div>
      <section className="mt-10 space-y-3" aria-labelledby="account-security">
        <h2 id="account-security" className="text-lg font-semibold">
          {t.account.securityTitle}
        </h2>
        <DevicesCard
          sessions={sessions}
          currentId={user.sessionId}
          formatWhen={(date) => formatDateTime(date, locale)}
          signOutEverywhere={signOutEverywhereAction}
          labels={{
            title: t.account.devicesTitle,
            thisDevice: t.account.thisDevice,
            lastUsed: t.account.lastUsed,
            unknownDevice: t.account.unknownDevice,
            deviceOn: t.account.deviceOn,
            signOutEverywhere: t.account.signOutEverywhere,
            hint: t.account.signOutEverywhereHint,
          }}
        />
        <div className="card px-5 py-4">
          <h3 className="mb-3 font-semibold">{t.account.changePasswordTitle}</h3>
          <ChangePasswordForm
            action={changePasswordAction}
            labels={{
              currentPassword: t.account.currentPassword,
              newPassword: t.account.newPassword,
              passwordHint: t.account.passwordHint,
              submit: t.account.submitChangePassword,
              pending: t.account.pending,
            }}
          />
        </div>
      </section>
    </div>
  );
}
