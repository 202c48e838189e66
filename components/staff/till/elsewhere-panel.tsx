'use client';
import { useEffect, useState, useTransition } from 'react';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatDistance, formatPrice, interpolate } from '@/lib/i18n/format';
import type { ElsewhereResult, GiftCardBalanceResult, HomeDeliveryResult, OrderElsewhereResult, TillCustomer, TillItem, TillWalletChoice } from './types';
import { toChoice, walletPart, WalletTender, type WalletTenderState } from './wallet-tender';

export type HomeAddress = { name: string; address: string; postcode: string; town: string; phone: string };

type Target = { kind: 'store'; storeId: number } | { kind: 'web' };

type Props = {
  locale: Locale;
  item: TillItem;
  customer: TillCustomer | null;
  load: (skuId: number) => Promise<ElsewhereResult>;
  order: (item: TillItem, target: Target) => Promise<OrderElsewhereResult>;
  orderHome: (item: TillItem, address: HomeAddress, wallet: TillWalletChoice) => Promise<HomeDeliveryResult>;
  /** The wallet's controls for the home-delivery order, as on a ticket: a gift card's code, the scanned customer's store credit. */
  wallet: { storeId: number; check: (storeId: number, code: string) => Promise<GiftCardBalanceResult>; labels: Dictionary['wallet'] };
  onClose: () => void;
  labels: Dictionary['till'];
};

function Message({ message }: { message: OrderElsewhereResult }) {
  return (
    <p role="status" className={`mt-2 text-sm font-medium ${message.ok ? 'text-ok' : 'text-out'}`} data-testid="till-elsewhere-message">
      {message.message}
    </p>
  );
}

/**
 * An item missing from this shop: the nearest shops that have it and the web warehouse, and for an
 * identified customer, a click & reserve there, a home-delivery order paid here, or the item put in
 * their web basket for them to order later.
 */
export function ElsewherePanel({ locale, item, customer, load, order, orderHome, wallet, onClose, labels }: Props) {
  const [walletState, setWalletState] = useState<WalletTenderState>({ giftCard: null, useStoreCredit: false });
  const [result, setResult] = useState<ElsewhereResult | null>(null);
  const [message, setMessage] = useState<OrderElsewhereResult | null>(null);
  const [homeForm, setHomeForm] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<string, string>>>({});
  // Put in the customer's basket once per panel: a second tap would add a second unit.
  const [inBasket, setInBasket] = useState(false);
  const [pending, startTransition] = useTransition();
  useEffect(() => {
    let live = true;
    setResult(null);
    setMessage(null);
    setHomeForm(false);
    setFieldErrors({});
    setInBasket(false);
    setWalletState({ giftCard: null, useStoreCredit: false });
    void load(item.skuId).then((r) => live && setResult(r));
    return () => {
      live = false;
    };
  }, [item.skuId, load]);

  // After an order the figures have moved (units held there): read them again.
  const reload = () => void load(item.skuId).then(setResult);
  const place = (target: Target) =>
    startTransition(async () => {
      setHomeForm(false);
      const r = await order(item, target);
      setMessage(r);
      if (r.ok && target.kind === 'web') setInBasket(true);
      if (r.ok && target.kind === 'store') reload();
    });
  const placeHome = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const address = Object.fromEntries(['name', 'address', 'postcode', 'town', 'phone'].map((k) => [k, String(data.get(k) ?? '')])) as HomeAddress;
    startTransition(async () => {
      const r = await orderHome(item, address, toChoice(walletState));
      setFieldErrors(r.ok ? {} : (r.fieldErrors ?? {}));
      setMessage(r);
      if (r.ok) {
        setHomeForm(false);
        reload();
      }
    });
  };
  const product = [item.name, item.variant].filter(Boolean).join(' · ');
  // What the wallet would pay of the order, to show the rest (the server plans it again).
  const homeWalletCents = result?.ok
    ? walletPart(
        result.homeDelivery.totalCents,
        walletState.giftCard?.balanceCents ?? null,
        walletState.useStoreCredit ? (customer?.storeCreditCents ?? null) : null,
      )
    : 0;

  return (
    <section aria-labelledby="till-elsewhere" className="card border-brand-100 bg-brand-50/40 p-3 sm:p-4" data-testid="till-elsewhere">
      <div className="flex items-start justify-between gap-2">
        <h2 id="till-elsewhere" className="text-base font-bold">
          {interpolate(labels.elsewhereTitle, { product })}
        </h2>
        <button type="button" className="btn-secondary" onClick={onClose}>
          {labels.close}
        </button>
      </div>
      {!customer && <p className="mt-1 text-sm text-muted">{labels.needsCustomer}</p>}
      {result === null ? (
        <p className="mt-2 text-sm text-muted" role="status">
          {labels.elsewhereLoading}
        </p>
      ) : !result.ok ? (
        <p className="mt-2 text-sm text-out" role="alert">
          {result.message}
        </p>
      ) : (
        <ul className="mt-2 divide-y divide-line rounded-lg border border-line bg-white">
          <li className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
            <div>
              <p className="font-medium">{labels.webWarehouse}</p>
              <p className={`text-xs ${result.webAvailable > 0 ? 'text-ok' : 'text-out'}`}>
                {result.webAvailable > 0 ? interpolate(labels.webAvailable, { count: result.webAvailable }) : labels.webOut}
              </p>
            </div>
            {customer && result.webAvailable > 0 && (
              <div className="flex flex-wrap gap-2">
                <button
                  type="button"
                  className="btn-primary"
                  disabled={pending}
                  aria-expanded={homeForm}
                  onClick={() => {
                    setMessage(null);
                    setHomeForm((v) => !v);
                  }}
                >
                  {labels.deliverHome}
                </button>
                <button type="button" className="btn-secondary" disabled={pending || inBasket} onClick={() => place({ kind: 'web' })}>
                  {inBasket ? labels.inWebCart : labels.addToWebCart}
                </button>
              </div>
            )}
          </li>
          {customer && homeForm && result.webAvailable > 0 && (
            <li className="px-3 py-3">
              <form
                data-testid="till-home-delivery"
                noValidate
                onSubmit={(e) => {
                  e.preventDefault();
                  placeHome(e.currentTarget);
                }}
                className="grid gap-2 sm:grid-cols-2"
              >
                <p className="text-sm text-muted sm:col-span-2">{labels.deliverHomeHint}</p>
                {(
                  [
                    ['name', labels.deliveryName, customer.name, 'name'],
                    ['address', labels.deliveryStreet, '', 'street-address'],
                    ['postcode', labels.deliveryPostcode, '', 'postal-code'],
                    ['town', labels.deliveryTown, '', 'address-level2'],
                    ['phone', labels.deliveryPhone, '', 'tel'],
                  ] as const
                ).map(([name, label, value, autoComplete]) => (
                  <div key={name} className={name === 'address' ? 'sm:col-span-2' : ''}>
                    <label htmlFor={`till-home-${name}`} className="label">
                      {label}
                    </label>
                    <input
                      id={`till-home-${name}`}
                      name={name}
                      defaultValue={value}
                      autoComplete={autoComplete}
                      inputMode={name === 'postcode' ? 'numeric' : name === 'phone' ? 'tel' : undefined}
                      maxLength={name === 'address' ? 200 : 100}
                      className="input"
                      aria-invalid={fieldErrors[name] ? true : undefined}
                      aria-describedby={fieldErrors[name] ? `till-home-${name}-error` : undefined}
                    />
                    {fieldErrors[name] && (
                      <p id={`till-home-${name}-error`} className="field-error">
                        {fieldErrors[name]}
                      </p>
                    )}
                  </div>
                ))}
                <p className="text-sm sm:col-span-2" data-testid="till-home-total">
                  {interpolate(labels.deliverHomeTotal, {
                    price: formatPrice(result.homeDelivery.priceCents, locale),
                    delivery: result.homeDelivery.deliveryCents === 0 ? labels.deliveryFree : formatPrice(result.homeDelivery.deliveryCents, locale),
                  })}
                </p>
                <div className="sm:col-span-2">
                  <WalletTender
                    storeId={wallet.storeId}
                    locale={locale}
                    storeCreditCents={customer.storeCreditCents}
                    value={walletState}
                    onChange={setWalletState}
                    check={wallet.check}
                    labels={wallet.labels}
                    fieldId="till-home-gift-card"
                  />
                </div>
                {homeWalletCents > 0 && (
                  <p className="text-sm font-medium sm:col-span-2" data-testid="till-home-wallet-part">
                    {interpolate(wallet.labels.walletPart, { amount: formatPrice(homeWalletCents, locale) })} ·{' '}
                    {interpolate(wallet.labels.restToPay, { amount: formatPrice(result.homeDelivery.totalCents - homeWalletCents, locale) })}
                  </p>
                )}
                <button type="submit" className="btn-primary min-h-12 sm:col-span-2" disabled={pending}>
                  {interpolate(labels.deliverHomeSubmit, { total: formatPrice(result.homeDelivery.totalCents, locale) })}
                </button>
                {message && (
                  <div className="sm:col-span-2">
                    <Message message={message} />
                  </div>
                )}
              </form>
            </li>
          )}
          {result.stores.length === 0 && <li className="px-3 py-2 text-sm text-muted">{labels.elsewhereNone}</li>}
          {result.stores.map((s) => (
            <li key={s.storeId} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2" data-testid="till-elsewhere-store">
              <div>
                <p className="font-medium">{s.name}</p>
                <p className="text-xs text-muted">
                  {[s.town, s.distanceKm === null ? null : formatDistance(s.distanceKm, locale)].filter(Boolean).join(' · ')} ·{' '}
                  <span className="font-semibold text-ok">{interpolate(labels.elsewhereStore, { count: s.available })}</span>
                </p>
              </div>
              {customer && s.clickReserve && (
                <button
                  type="button"
                  className="btn-secondary"
                  disabled={pending}
                  aria-label={interpolate(labels.reserveThereAt, { store: s.name })}
                  onClick={() => place({ kind: 'store', storeId: s.storeId })}
                >
                  {labels.reserveThere}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {message && !homeForm && <Message message={message} />}
    </section>
  );
}
