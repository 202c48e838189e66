import type { Locale } from '@/lib/i18n/config';
import { getDictionary } from '@/lib/i18n/dictionary';
import { formatDate, formatPrice, formatTime, interpolate } from '@/lib/i18n/format';
import { toHtml, toText, type Block, type Composed } from './compose';
import { firstName, variantLabel, type RenderedMessage } from './render';

/*
 * The messages of an order and of a reservation, in the shopper's language: what the domains that
 * own them (lib/orders, lib/reservations) read and pass in — nothing here reads the database. Pure:
 * tested on their own (render-orders.test.ts).
 */

export type MessageLine = { name: string; size: string | null; colour: string | null; quantity: number; unitPriceCents: number };

export type OrderFacts = {
  number: string;
  customerName: string;
  mode: 'delivery' | 'drive';
  lines: MessageLine[];
  subtotalCents: number;
  deliveryCents: number;
  discountCents: number;
  totalCents: number;
  delivery: { name: string; address: string; postcode: string; town: string } | null;
  /** Drive: the store's name, the booked slot and the bay the shopper parked in. */
  store: string | null;
  bay?: string | null;
  slot: { startsAt: string; endsAt: string } | null;
  /** The absolute URL of the order's page. */
  orderUrl: string;
};

export type ReservationFacts = {
  code: string;
  customerName: string;
  store: string;
  expiresAt: string;
  lines: MessageLine[];
  totalCents: number;
  /** The absolute URL of the reservation's page. */
  reservationUrl: string;
};

/** "samedi 12 décembre, 10:00–10:30" / "Saturday 12 December, 10:00–10:30". */
export function slotLabel(slot: { startsAt: string; endsAt: string }, locale: Locale): string {
  const start = new Date(slot.startsAt);
  const day = formatDate(start, locale, { weekday: 'long', day: 'numeric', month: 'long' });
  return `${day}, ${formatTime(start, locale)}–${formatTime(new Date(slot.endsAt), locale)}`;
}

function linesBlock(lines: MessageLine[], caption: string, locale: Locale, totals: { label: string; amount: string }[]): Block {
  return {
    kind: 'lines',
    caption,
    rows: lines.map((l) => ({
      label: `${l.name} × ${l.quantity}`,
      detail: variantLabel(l.size, l.colour, locale) || undefined,
      amount: formatPrice(l.unitPriceCents * l.quantity, locale),
    })),
    totals,
  };
}

function rendered(c: Composed): RenderedMessage {
  return { subject: c.subject, body: toText(c), html: toHtml(c) };
}

export function renderOrderConfirmation(o: OrderFacts, locale: Locale): RenderedMessage {
  const m = getDictionary(locale).messages;
  const price = (cents: number) => formatPrice(cents, locale);
  const totals = [
    { label: m.orderSubtotal, amount: price(o.subtotalCents) },
    ...(o.deliveryCents > 0 ? [{ label: m.orderDelivery, amount: price(o.deliveryCents) }] : []),
    ...(o.discountCents > 0 ? [{ label: m.orderDiscount, amount: `−${price(o.discountCents)}` }] : []),
    { label: m.orderTotal, amount: price(o.totalCents) },
  ];
  const fulfilment: Block[] =
    o.mode === 'delivery' && o.delivery
      ? [
          { kind: 'p', text: m.orderDeliveryTo },
          { kind: 'address', lines: [o.delivery.name, o.delivery.address, `${o.delivery.postcode} ${o.delivery.town}`] },
          { kind: 'p', text: m.orderPaidByCard },
        ]
      : [
          {
            kind: 'p',
            text: o.slot
              ? interpolate(m.orderDriveAt, { store: o.store ?? '', slot: slotLabel(o.slot, locale) })
              : interpolate(m.orderDriveNoSlot, { store: o.store ?? '' }),
          },
          { kind: 'p', text: `${m.orderDriveHowTo} ${m.orderPayAtPickup}` },
        ];
  return rendered({
    subject: interpolate(m.orderConfirmationSubject, { number: o.number }),
    locale,
    greeting: interpolate(m.cartReminderGreeting, { name: firstName(o.customerName) }),
    blocks: [
      { kind: 'p', text: interpolate(m.orderConfirmationIntro, { number: o.number }) },
      linesBlock(o.lines, interpolate(m.orderLinesCaption, { number: o.number }), locale, totals),
      ...fulfilment,
      { kind: 'link', lead: m.orderFollow, label: m.orderCta, url: o.orderUrl },
    ],
    signature: m.cartReminderSignature,
    footer: m.messageFooter,
  });
}

export function renderDriveOrderReady(o: OrderFacts, locale: Locale): RenderedMessage {
  const m = getDictionary(locale).messages;
  return rendered({
    subject: interpolate(m.driveReadySubject, { number: o.number }),
    locale,
    greeting: interpolate(m.cartReminderGreeting, { name: firstName(o.customerName) }),
    blocks: [
      { kind: 'p', text: interpolate(m.driveReadyIntro, { number: o.number, store: o.store ?? '' }) },
      ...(o.slot ? [{ kind: 'p' as const, text: interpolate(m.driveReadySlot, { slot: slotLabel(o.slot, locale) }) }] : []),
      { kind: 'p', text: `${m.driveReadyHowTo} ${o.totalCents > 0 ? m.orderPayAtPickup : ''}`.trim() },
      { kind: 'link', label: m.orderCta, url: o.orderUrl },
    ],
    signature: m.cartReminderSignature,
    footer: m.messageFooter,
  });
}

export function renderReservationReady(r: ReservationFacts, locale: Locale): RenderedMessage {
  const m = getDictionary(locale).messages;
  const until = formatDate(new Date(r.expiresAt), locale, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
  return rendered({
    subject: interpolate(m.reservationReadySubject, { code: r.code, store: r.store }),
    locale,
    greeting: interpolate(m.cartReminderGreeting, { name: firstName(r.customerName) }),
    blocks: [
      { kind: 'p', text: interpolate(m.reservationReadyIntro, { store: r.store }) },
      { kind: 'p', text: interpolate(m.reservationReadyCode, { code: r.code }) },
      linesBlock(r.lines, interpolate(m.reservationLinesCaption, { code: r.code }), locale, [
        { label: m.orderTotal, amount: formatPrice(r.totalCents, locale) },
      ]),
      { kind: 'p', text: interpolate(m.reservationReadyUntil, { date: until }) },
      { kind: 'link', label: m.reservationCta, url: r.reservationUrl },
    ],
    signature: m.cartReminderSignature,
    footer: m.messageFooter,
  });
}

/** "I'm here" acknowledged: the drive knows, and which bay. */
export function renderDriveArrival(o: OrderFacts, locale: Locale): RenderedMessage {
  const m = getDictionary(locale).messages;
  return rendered({
    subject: interpolate(m.arrivalSubject, { number: o.number }),
    locale,
    greeting: interpolate(m.cartReminderGreeting, { name: firstName(o.customerName) }),
    blocks: [
      { kind: 'p', text: interpolate(m.arrivalIntro, { number: o.number, store: o.store ?? '' }) },
      ...(o.bay ? [{ kind: 'p' as const, text: interpolate(m.arrivalBay, { bay: o.bay }) }] : []),
      { kind: 'link', label: m.orderCta, url: o.orderUrl },
    ],
    signature: m.cartReminderSignature,
    footer: m.messageFooter,
  });
}

export type ReturnPassFacts = {
  code: string;
  orderNumber: string;
  customerName: string;
  store: string;
  window: { startsAt: string; endsAt: string };
  lines: MessageLine[];
  /** The absolute URL of the return's page (which shows the pass as a QR code). */
  returnUrl: string;
};

/** The return pass: the code to show at the desk, the shop and the drop-off window. */
export function renderReturnPass(r: ReturnPassFacts, locale: Locale): RenderedMessage {
  const m = getDictionary(locale).messages;
  return rendered({
    subject: interpolate(m.returnPassSubject, { code: r.code }),
    locale,
    greeting: interpolate(m.cartReminderGreeting, { name: firstName(r.customerName) }),
    blocks: [
      { kind: 'p', text: interpolate(m.returnPassIntro, { number: r.orderNumber, store: r.store, window: slotLabel(r.window, locale) }) },
      { kind: 'p', text: interpolate(m.returnPassCode, { code: r.code }) },
      {
        kind: 'lines',
        caption: interpolate(m.returnLinesCaption, { code: r.code }),
        rows: r.lines.map((l) => ({
          label: `${l.name} × ${l.quantity}`,
          detail: variantLabel(l.size, l.colour, locale) || undefined,
          amount: formatPrice(l.unitPriceCents * l.quantity, locale),
        })),
      },
      { kind: 'p', text: m.returnPassHowTo },
      { kind: 'link', label: m.returnPassCta, url: r.returnUrl },
    ],
    signature: m.cartReminderSignature,
    footer: m.messageFooter,
  });
}

export type RefundFacts = {
  code: string;
  orderNumber: string;
  customerName: string;
  refundCents: number;
  method: 'card' | 'desk' | 'store_credit';
  /** Some lines were refused at the desk. */
  partly: boolean;
  lines: MessageLine[];
  returnUrl: string;
};

/** The refund confirmation: how much, how, and what was taken back. */
export function renderRefundConfirmation(r: RefundFacts, locale: Locale): RenderedMessage {
  const m = getDictionary(locale).messages;
  const amount = formatPrice(r.refundCents, locale);
  return rendered({
    subject: interpolate(m.refundSubject, { code: r.code }),
    locale,
    greeting: interpolate(m.cartReminderGreeting, { name: firstName(r.customerName) }),
    blocks: [
      { kind: 'p', text: interpolate(m.refundIntro, { code: r.code, number: r.orderNumber, amount }) },
      {
        kind: 'lines',
        caption: interpolate(m.returnLinesCaption, { code: r.code }),
        rows: r.lines.map((l) => ({
          label: `${l.name} × ${l.quantity}`,
          detail: variantLabel(l.size, l.colour, locale) || undefined,
          amount: formatPrice(l.unitPriceCents * l.quantity, locale),
        })),
        totals: [{ label: m.orderTotal, amount }],
      },
      { kind: 'p', text: m[`refund_${r.method}`] },
      ...(r.partly ? [{ kind: 'p' as const, text: m.refundPartly }] : []),
      { kind: 'link', label: m.refundCta, url: r.returnUrl },
    ],
    signature: m.cartReminderSignature,
    footer: m.messageFooter,
  });
}
