'use client';
import { useRouter } from 'next/navigation';
import { startTransition as startNavigation, useCallback, useEffect, useRef, useState, useTransition } from 'react';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { CustomerPanel } from './customer-panel';
import { ElsewherePanel, type HomeAddress } from './elsewhere-panel';
import { ItemSearch } from './item-search';
import { newKey } from '@/components/forms/new-key';
import { RedeemControl } from './redeem-control';
import { forgetTicket, restoreTicket, saveTicket } from './saved-ticket';
import { TicketPanel } from './ticket-panel';
import { localizedPath } from '@/lib/routing/public-url';
import type {
  CompleteSaleResult,
  ElsewhereResult,
  HomeDeliveryResult,
  FindCustomerResult,
  FindItemResult,
  OrderElsewhereResult,
  TillCustomer,
  TillItem,
  GiftCardBalanceResult,
  TillWalletChoice,
  TillLine,
  RawTender,
} from './types';
import { TenderPanel } from './tender-panel';
import { toChoice, walletPart, WalletTender, type WalletTenderState } from './wallet-tender';
import type { PaymentTexts } from '@/lib/payments/messages';

export type TillActions = {
  findCustomer: (storeId: number, query: string) => Promise<FindCustomerResult>;
  findItem: (storeId: number, query: string) => Promise<FindItemResult>;
  elsewhere: (storeId: number, skuId: number) => Promise<ElsewhereResult>;
  completeSale: (
    ticket: {
      storeId: number;
      customerPass: string | null;
      idempotencyKey: string;
      lines: { skuId: number; quantity: number }[];
      redeemPoints: number;
      tender: RawTender;
      wallet?: TillWalletChoice;
    },
    names: Record<number, string>,
  ) => Promise<CompleteSaleResult>;
  checkGiftCard: (storeId: number, code: string) => Promise<GiftCardBalanceResult>;
  orderElsewhere: (request: {
    storeId: number;
    customerPass: string;
    skuId: number;
    quantity: number;
    idempotencyKey: string;
    target: { kind: 'store'; storeId: number } | { kind: 'web' };
  }) => Promise<OrderElsewhereResult>;
  orderHomeDelivery: (request: {
    storeId: number;
    customerPass: string;
    skuId: number;
    quantity: number;
    idempotencyKey: string;
    address: HomeAddress;
    wallet?: TillWalletChoice;
  }) => Promise<HomeDeliveryResult>;
};

type Props = {
  storeId: number;
  locale: Locale;
  /** The loyalty redemption step (100 points = €5 by default), from the server's rules. */
  redeemStep: { points: number; cents: number };
  actions: TillActions;
  labels: Dictionary['till'];
  walletLabels: Dictionary['wallet'];
  payments: PaymentTexts;
};

/**
 * The till: who is buying, what goes on the ticket, and payment. The ticket lives in the browser
 * until payment; the sale is written once, by its key, with the catalogue's prices. The key is the
 * ticket's identity: drawn when the ticket opens, kept through every retry of "Take payment", and
 * replaced only with a new empty ticket (after a sale, or "New ticket"), so one ticket is one sale
 * however often it is sent, and a new ticket never carries the last customer's items. The open
 * ticket outlives a reload of the screen (./saved-ticket.ts); a "Take payment" whose answer was
 * lost keeps its ticket on screen, and a reload asks the server by the key alone, which shows the
 * recorded sale's receipt or writes nothing.
 */
export function TillScreen({ storeId, locale, redeemStep, actions, labels, walletLabels, payments }: Props) {
  const router = useRouter();
  const [ticketKey, setTicketKey] = useState(newKey);
  const [customer, setCustomer] = useState<TillCustomer | null>(null);
  const [lines, setLines] = useState<TillLine[]>([]);
  const [elsewhere, setElsewhere] = useState<TillItem | null>(null);
  const [error, setError] = useState('');
  const [refusedSkuId, setRefusedSkuId] = useState<number | null>(null);
  const [pending, startTransition] = useTransition();
  const orderKeys = useRef(new Map<string, string>());
  const [wantedPoints, setWantedPoints] = useState(0);
  const [restored, setRestored] = useState(false);
  const paying = useRef(false);
  // "Take payment" opens the choice of card, cash or both; the sale is sent from there.
  const [tendering, setTendering] = useState(false);
  // The wallet's part (a scanned gift card, the customer's store credit), chosen when paying.
  const [wallet, setWallet] = useState<WalletTenderState>({ giftCard: null, useStoreCredit: false });

  const newTicket = () => {
    forgetTicket(storeId);
    setTicketKey(newKey());
    setCustomer(null);
    setLines([]);
    setElsewhere(null);
    setError('');
    setRefusedSkuId(null);
    setWantedPoints(0);
    setTendering(false);
    setWallet({ giftCard: null, useStoreCredit: false });
    orderKeys.current = new Map();
  };

  const subtotal = lines.reduce((sum, l) => sum + l.quantity * l.priceCents, 0);
  const steps = (n: number) => Math.max(0, Math.floor(n));
  // Points are spent on a presented card only (the server refuses otherwise).
  const maxPoints =
    customer?.balance && customer.identifiedBy === 'card'
      ? Math.min(steps(customer.balance / redeemStep.points), steps(subtotal / redeemStep.cents)) * redeemStep.points
      : 0;
  // Lines removed after choosing: the redemption shrinks with the ticket, never above it.
  const redeemPoints = Math.min(wantedPoints, maxPoints);
  const discountCents = (redeemPoints / redeemStep.points) * redeemStep.cents;
  const dueCents = Math.max(0, subtotal - discountCents);
  const walletCents = walletPart(dueCents, wallet.giftCard?.balanceCents ?? null, wallet.useStoreCredit ? (customer?.storeCreditCents ?? null) : null);
  const chooseCustomer = useCallback((c: TillCustomer | null) => {
    setCustomer(c);
    setWantedPoints(0);
    // Next comes the first item: the scanner's field takes the focus.
    if (c) document.getElementById('till-item')?.focus();
  }, []);

  const findCustomer = useCallback((q: string) => actions.findCustomer(storeId, q), [actions, storeId]);
  const findItem = useCallback((q: string) => actions.findItem(storeId, q), [actions, storeId]);
  const loadElsewhere = useCallback((skuId: number) => actions.elsewhere(storeId, skuId), [actions, storeId]);

  const addItem = (item: TillItem): boolean => {
    const already = lines.find((l) => l.skuId === item.skuId)?.quantity ?? 0;
    // None free here (or all already on the ticket): where else it is, rather than a line the sale would refuse.
    if (!item.available || already >= item.available) {
      setElsewhere(item);
      return false;
    }
    setError('');
    setRefusedSkuId(null);
    setLines((ls) => (already ? ls.map((l) => (l.skuId === item.skuId ? { ...l, ...item, quantity: l.quantity + 1 } : l)) : [...ls, { ...item, quantity: 1 }]));
    return true;
  };

  const setQuantity = (skuId: number, quantity: number) => {
    setError('');
    setLines((ls) => (quantity <= 0 ? ls.filter((l) => l.skuId !== skuId) : ls.map((l) => (l.skuId === skuId ? { ...l, quantity } : l))));
  };

  // Sold: this ticket is closed. The screen kept for "back" (and for the receipt's "New ticket")
  // holds a new empty one, committed with the move to the receipt.
  const sold = (saleId: number) => {
    paying.current = false;
    forgetTicket(storeId);
    startNavigation(() => {
      newTicket();
      router.push(localizedPath(`/staff/till/receipts/${saleId}`, locale));
    });
  };

  /** The sale's answer, or null when it was lost (the connection dropped): the ticket stays, still paying. */
  const send = async (ticket: Parameters<TillActions['completeSale']>[0], names: Record<number, string>) => {
    try {
      return await actions.completeSale(ticket, names);
    } catch {
      setError(labels.answerLost);
      return null;
    }
  };

  const complete = (tender: RawTender) =>
    startTransition(async () => {
      setError('');
      const names = Object.fromEntries(lines.map((l) => [l.skuId, [l.name, l.variant].filter(Boolean).join(' · ')]));
      paying.current = true;
      saveTicket(storeId, ticketKey, { customer, lines, wantedPoints, paying: true });
      const result = await send(
        {
          storeId,
          customerPass: customer?.pass ?? null,
          idempotencyKey: ticketKey,
          lines: lines.map((l) => ({ skuId: l.skuId, quantity: l.quantity })),
          redeemPoints,
          tender,
          wallet: toChoice(wallet),
        },
        names,
      );
      if (!result) return;
      if (result.ok) return sold(result.saleId);
      paying.current = false;
      saveTicket(storeId, ticketKey, { customer, lines, wantedPoints, paying: false });
      setError(result.message);
      setRefusedSkuId(result.skuId ?? null);
    });

  // The ticket this tab had open comes back; one whose payment got no answer is asked for by its
  // key alone (no lines: a sale recorded by the lost request answers, nothing else is written).
  useEffect(() => {
    const saved = restoreTicket(storeId);
    if (saved?.data) {
      const ticket = saved.data;
      setTicketKey(saved.key);
      setCustomer(ticket.customer);
      setLines(ticket.lines);
      setWantedPoints(ticket.wantedPoints);
      if (ticket.paying) {
        paying.current = true;
        startTransition(async () => {
          const result = await send(
            { storeId, customerPass: null, idempotencyKey: saved.key, lines: [], redeemPoints: 0, tender: { kind: 'cash', givenCents: 0 } },
            {},
          );
          if (!result) return;
          if (result.ok) return sold(result.saleId);
          paying.current = false;
          saveTicket(storeId, saved.key, { ...ticket, paying: false });
          setError(labels.notRecorded);
        });
      }
    }
    setRestored(true);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per store: what the tab kept is read when the screen opens, never again over the ticket on screen
  }, [storeId]);

  useEffect(() => {
    if (restored) saveTicket(storeId, ticketKey, { customer, lines, wantedPoints, paying: paying.current });
  }, [restored, storeId, ticketKey, customer, lines, wantedPoints]);

  const order = (item: TillItem, target: { kind: 'store'; storeId: number } | { kind: 'web' }) => {
    if (!customer) return Promise.resolve({ ok: false, message: labels.needsCustomer });
    // The same order asked twice (a double tap) carries the same key: placed once.
    const id = `${customer.id}:${item.skuId}:${target.kind === 'store' ? target.storeId : 'web'}`;
    const key = orderKeys.current.get(id) ?? newKey();
    orderKeys.current.set(id, key);
    return actions.orderElsewhere({ storeId, customerPass: customer.pass, skuId: item.skuId, quantity: 1, idempotencyKey: key, target });
  };

  const orderHome = async (item: TillItem, address: HomeAddress, wallet: TillWalletChoice): Promise<HomeDeliveryResult> => {
    if (!customer) return { ok: false, message: labels.needsCustomer };
    // One key per attempt until it succeeds: a retry after a lost answer places the order once.
    const id = `${customer.id}:${item.skuId}:home`;
    const key = orderKeys.current.get(id) ?? newKey();
    orderKeys.current.set(id, key);
    const result = await actions.orderHomeDelivery({
      storeId,
      customerPass: customer.pass,
      skuId: item.skuId,
      quantity: 1,
      idempotencyKey: key,
      address,
      wallet,
    });
    if (result.ok) orderKeys.current.delete(id);
    return result;
  };

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
      <div className="space-y-4">
        {/* Keyed by the ticket: a new ticket also clears what was typed in the searches. */}
        <CustomerPanel key={`c-${ticketKey}`} customer={customer} onCustomer={chooseCustomer} find={findCustomer} locale={locale} labels={labels} />
        <ItemSearch key={`i-${ticketKey}`} locale={locale} find={findItem} onAdd={addItem} onElsewhere={setElsewhere} labels={labels} />
        {elsewhere && (
          <ElsewherePanel
            locale={locale}
            item={elsewhere}
            customer={customer}
            load={loadElsewhere}
            order={order}
            orderHome={orderHome}
            wallet={{ storeId, check: actions.checkGiftCard, labels: walletLabels }}
            onClose={() => setElsewhere(null)}
            labels={labels}
          />
        )}
      </div>
      <div className="lg:sticky lg:top-20 lg:self-start">
        <TicketPanel
          locale={locale}
          lines={lines}
          discountCents={discountCents}
          refusedSkuId={refusedSkuId}
          onQuantity={setQuantity}
          pending={pending}
          error={error}
          onComplete={() => {
            setError('');
            setTendering(true);
          }}
          onNewTicket={newTicket}
          onElsewhere={setElsewhere}
          labels={labels}
          tender={
            tendering && lines.length > 0 ? (
              <TenderPanel
                locale={locale}
                totalCents={dueCents - walletCents}
                wallet={{
                  partCents: walletCents,
                  labels: walletLabels,
                  node: (
                    <WalletTender
                      storeId={storeId}
                      locale={locale}
                      storeCreditCents={customer?.storeCreditCents ?? null}
                      value={wallet}
                      onChange={setWallet}
                      check={actions.checkGiftCard}
                      labels={walletLabels}
                    />
                  ),
                }}
                pending={pending}
                error={error}
                onPay={complete}
                onBack={() => setTendering(false)}
                labels={labels}
                payments={payments}
              />
            ) : undefined
          }
        >
          {customer?.cardNumber && maxPoints > 0 && (
            <RedeemControl locale={locale} points={redeemPoints} maxPoints={maxPoints} step={redeemStep} onChange={setWantedPoints} labels={labels} />
          )}
        </TicketPanel>
      </div>
    </div>
  );
}
