import type { Metadata } from 'next';
import { Link } from '@/components/layout/link';
import { isBackOfficeRole, requireUser } from '@/lib/auth/guards';
import { SignOutForm } from '@/components/pwa/sign-out-form';
import { getI18n } from '@/lib/i18n/server';
import { formatDateTime } from '@/lib/i18n/format';
import { listUserSessions } from '@/lib/auth/sessions';
import { getWallet } from '@/lib/wallet/queries';
import { WalletPanel } from '@/components/wallet/wallet-panel';
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
  const [sessions, wallet] = await Promise.all([listUserSessions(user.id), getWallet(user.id, 5)]);
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
      <div className="mt-4">
        <WalletPanel wallet={wallet} locale={locale} t={t.wallet} />
      </div>
      <ul className="mt-4 space-y-3">
        {[
          { href: '/account/card', title: t.card.accountLink, hint: t.card.accountLinkHint, testId: 'account-card-link', highlight: true },
          { href: '/account/orders', title: t.orders.listTitle, hint: t.orders.accountLinkHint },
          { href: '/account/addresses', title: t.orders.addressesTitle, hint: t.orders.addressesHint },
          { href: '/account/reservations', title: t.reservations.accountLink, hint: t.reservations.accountLinkHint },
          { href: '/account/activity', title: t.activity.accountLink, hint: t.activity.accountLinkHint },
          { href: '/account/gift-cards', title: t.wallet.accountLink, hint: t.wallet.accountLinkHint, testId: 'account-gift-cards-link' },
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
        {isBackOfficeRole(user.role) && (
          <Link href="/admin" className="btn-primary" data-testid="account-back-office">
            {t.backOffice.title}
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
