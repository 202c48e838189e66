import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { AccountSubpageHeading } from '@/components/account/account-subpage-heading';
import { BuyGiftCardForm, GiftCardBalanceForm } from '@/components/wallet/gift-card-forms';
import { WalletPanel } from '@/components/wallet/wallet-panel';
import { requireUser } from '@/lib/auth/guards';
import { formatPrice, interpolate } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { getPaymentProvider } from '@/lib/payments';
import { giftCardConfig } from '@/lib/wallet/config';
import { getWallet } from '@/lib/wallet/queries';
import { buyGiftCardAction, checkGiftCardBalanceAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.wallet.buyTitle, robots: { index: false } };
}

/** Gift cards: buy one (it lands in this wallet, its code shown at once), check a code's balance, and the wallet. */
export default async function GiftCardsPage() {
  const user = await requireUser('/account/gift-cards');
  const { t, locale } = await getI18n();
  const tw = t.wallet;
  const { minCents, maxCents } = giftCardConfig();
  const wallet = await getWallet(user.id, 5);
  return (
    <div className="mx-auto w-full max-w-xl py-4 sm:py-8">
      <AccountSubpageHeading back={t.card.backToAccount} title={tw.buyTitle} intro={tw.buyIntro} />
      <section className="mt-4 card px-5 py-4">
        <BuyGiftCardForm
          action={buyGiftCardAction}
          idempotencyKey={randomUUID()}
          labels={{
            amount: tw.amount,
            amountHint: interpolate(tw.amountHint, { min: formatPrice(minCents, locale), max: formatPrice(maxCents, locale) }),
            buy: tw.buy,
            pending: tw.buying,
            payment: t.orders.payment,
          }}
          payments={t.payments}
          testMode={getPaymentProvider('card').testMode}
        />
      </section>
      <section className="mt-4 card px-5 py-4" aria-labelledby="gift-card-balance-title">
        <h2 id="gift-card-balance-title" className="mb-2 font-semibold">
          {tw.checkTitle}
        </h2>
        <GiftCardBalanceForm
          action={checkGiftCardBalanceAction}
          labels={{ code: tw.giftCardCode, hint: tw.giftCardCodeHint, check: tw.check, pending: tw.checking }}
        />
      </section>
      <div className="mt-4">
        <WalletPanel wallet={wallet} locale={locale} t={tw} showCodes id="gift-cards-wallet" />
      </div>
    </div>
  );
}
