import type { Metadata } from 'next';
import { Link } from '@/components/layout/link';
import QRCode from 'qrcode';
import { BalancePanel } from '@/components/loyalty/balance-panel';
import { CardFace } from '@/components/loyalty/card-face';
import { JoinPanel } from '@/components/loyalty/join-panel';
import { KeepCardOffline } from '@/components/loyalty/keep-card-offline';
import { OfflineNotice } from '@/components/loyalty/offline-notice';
import { TierProgress } from '@/components/loyalty/tier-progress';
import { WalletPanel } from '@/components/wallet/wallet-panel';
import { requireUser } from '@/lib/auth/guards';
import { getWallet } from '@/lib/wallet/queries';
import { formatDateTime, formatPrice, interpolate } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { formatCardNumber } from '@/lib/loyalty/card-number';
import { getLoyaltyRules } from '@/lib/loyalty/config';
import { getLoyaltyCard } from '@/lib/loyalty/queries';
import { joinLoyaltyAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.card.title, robots: { index: false } };
}

/**
 * The loyalty card to show at the till, with balance and tier. public/sw.js keeps the last copy of
 * this page for use with no network (proxy.ts marks it); what it prints is therefore dated ("as of")
 * and says so when it is that copy being shown (OfflineNotice).
 */
export default async function CardPage() {
  const user = await requireUser('/account/card');
  const { locale, t } = await getI18n();
  const tc = t.card;
  const [card, wallet, rules] = [await getLoyaltyCard(user.id), await getWallet(user.id, 5), getLoyaltyRules()];
  // Kept offline with the rest of the page (public/sw.js): the wallet as of this read.
  const walletAsOf = new Date().toISOString();
  const qrSvg = card ? await QRCode.toString(card.cardNumber, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) : '';
  return (
    <div className="mx-auto w-full max-w-4xl">
      <nav aria-label={t.account.accountTitle}>
        <Link href="/account" className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 hover:underline">
          ← {tc.backToAccount}
        </Link>
      </nav>
      <h1 className="mt-1 text-2xl font-bold tracking-tight">{tc.title}</h1>
      {card ? (
        <>
          <KeepCardOffline />
          <p className="mt-1 text-sm text-muted">{tc.intro}</p>
          <div className="mt-4">
            <OfflineNotice text={interpolate(tc.offlineNotice, { date: formatDateTime(card.asOf, locale) })} help={tc.offlineNoticeHelp} />
          </div>
          <div className="grid gap-4 md:grid-cols-[minmax(0,1.15fr)_minmax(0,1fr)] md:items-start md:gap-6">
            <CardFace cardNumber={card.cardNumber} grouped={formatCardNumber(card.cardNumber)} tier={card.tier} qrSvg={qrSvg} t={tc} />
            <div className="space-y-4">
              <BalancePanel card={card} rule={rules} locale={locale} t={tc} />
              <TierProgress card={card} locale={locale} t={tc} />
              <WalletPanel wallet={wallet} locale={locale} t={t.wallet} asOf={walletAsOf} showCodes id="card-wallet" />
            </div>
          </div>
        </>
      ) : (
        <JoinPanel
          action={joinLoyaltyAction}
          title={tc.joinTitle}
          body={interpolate(tc.joinBody, {
            perEuro: rules.pointsPerEuro,
            points: rules.redeemStepPoints,
            amount: formatPrice(rules.redeemStepCents, locale),
          })}
          labels={{ submit: tc.joinButton, pending: tc.joinPending }}
        />
      )}
      {!card && wallet.totalCents > 0 && (
        <div className="mt-4">
          <WalletPanel wallet={wallet} locale={locale} t={t.wallet} asOf={walletAsOf} showCodes id="card-wallet" />
        </div>
      )}
    </div>
  );
}
