import type { Locale } from '@/lib/i18n/config';
import { getDictionary } from '@/lib/i18n/dictionary';
import { formatPrice, interpolate } from '@/lib/i18n/format';
import { toHtml, type Composed } from './compose';

export type ReminderItem = {
  skuId: number;
  productSlug: string;
  nameFr: string;
  nameEn: string;
  size: string | null;
  colour: string | null;
  quantity: number;
  priceCents: number;
};

export type LeftOutItem = { skuId: number; nameFr: string; nameEn: string; boughtIn: 'store' | 'online' };

/** What every message renderer gives: the subject, the text part and the HTML part. */
export type RenderedMessage = { subject: string; body: string; html: string };

/** A size and a colour as the shop names them ("M · Marine"), or ''. */
export function variantLabel(size: string | null, colour: string | null, locale: Locale): string {
  const colours = getDictionary(locale).catalog as Record<string, string>;
  return [size, colour ? (colours[`colour_${colour}`] ?? colour) : null].filter(Boolean).join(' · ');
}

/** The first name of a full name ("Camille Martin" → "Camille"). */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] || name;
}

/** The texts of one cart reminder, in the customer's language. Pure: tested on its own. */
export function renderCartReminder(r: { name: string; items: ReminderItem[]; leftOut: LeftOutItem[]; cartUrl: string }, locale: Locale): RenderedMessage {
  const t = getDictionary(locale);
  const m = t.messages;
  const first = firstName(r.name);
  const nameOf = (i: ReminderItem) => (locale === 'fr' ? i.nameFr : i.nameEn);
  const line = (i: ReminderItem) => {
    const variant = variantLabel(i.size, i.colour, locale);
    return `- ${nameOf(i)}${variant ? ` (${variant})` : ''} × ${i.quantity} — ${formatPrice(i.priceCents * i.quantity, locale)}`;
  };
  const body = [
    interpolate(m.cartReminderGreeting, { name: first }),
    '',
    m.cartReminderIntro,
    ...r.items.map(line),
    ...(r.leftOut.length > 0 ? ['', m.cartReminderLeftOut] : []),
    '',
    m.cartReminderOutro,
    r.cartUrl,
    '',
    m.cartReminderSignature,
  ].join('\n');
  const subject = interpolate(m.cartReminderSubject, { name: first });
  const composed: Composed = {
    subject,
    locale,
    greeting: interpolate(m.cartReminderGreeting, { name: first }),
    blocks: [
      {
        kind: 'lines',
        caption: m.cartReminderIntro,
        rows: r.items.map((i) => ({
          label: `${nameOf(i)} × ${i.quantity}`,
          detail: variantLabel(i.size, i.colour, locale) || undefined,
          amount: formatPrice(i.priceCents * i.quantity, locale),
        })),
      },
      ...(r.leftOut.length > 0 ? [{ kind: 'p' as const, text: m.cartReminderLeftOut }] : []),
      { kind: 'link', lead: m.cartReminderOutro, label: m.cartReminderCta, url: r.cartUrl },
    ],
    signature: m.cartReminderSignature,
    footer: m.messageFooter,
  };
  return { subject, body, html: toHtml(composed) };
}
