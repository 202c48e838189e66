import type { Locale } from '@/lib/i18n/config';
import { getDictionary } from '@/lib/i18n/dictionary';
import { formatPrice, interpolate } from '@/lib/i18n/format';

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

/** The texts of one cart reminder, in the customer's language. Pure: tested on its own. */
export function renderCartReminder(
  r: { name: string; items: ReminderItem[]; leftOut: LeftOutItem[]; cartUrl: string },
  locale: Locale,
): { subject: string; body: string } {
  const t = getDictionary(locale);
  const m = t.messages;
  const first = r.name.trim().split(/\s+/)[0] || r.name;
  const colours = t.catalog as Record<string, string>;
  const line = (i: ReminderItem) => {
    const variant = [i.size, i.colour ? (colours[`colour_${i.colour}`] ?? i.colour) : null].filter(Boolean).join(' · ');
    const name = locale === 'fr' ? i.nameFr : i.nameEn;
    return `- ${name}${variant ? ` (${variant})` : ''} × ${i.quantity} — ${formatPrice(i.priceCents * i.quantity, locale)}`;
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
  return { subject: interpolate(m.cartReminderSubject, { name: first }), body };
}
