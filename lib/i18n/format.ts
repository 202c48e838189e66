import { TIME_ZONE, type Locale } from './config';

/*
 * The one formatter: every number, count, price and date the UI shows goes through here, over the
 * platform's Intl (PluralRules, NumberFormat, DateTimeFormat), so each language follows its own
 * rules — « 0 article », "0 items"; « le 1er décembre », "1 December".
 */

const tags: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

export function intlTag(locale: Locale): string {
  return tags[locale];
}

/** 1234 → "1 234" (fr, narrow no-break space) or "1,234" (en). */
export function formatNumber(n: number, locale: Locale, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(tags[locale], options).format(n);
}

/** Euro cents → "12,99 €" (fr) or "€12.99" (en). */
export function formatPrice(cents: number, locale: Locale): string {
  return formatNumber(cents / 100, locale, { style: 'currency', currency: 'EUR' });
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

/** The language's plural category for n: French puts 0 and 1 in "one", English only 1. */
export function pluralCategory(n: number, locale: Locale): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(tags[locale])));
  return rules.select(n);
}

/**
 * A date in the shops' time zone (unless the options name another). French writes the first day of
 * a month as an ordinal: « 1er décembre », « lundi 1er déc. » — Intl leaves it a plain "1".
 */
export function formatDate(date: Date, locale: Locale, options: Intl.DateTimeFormatOptions): string {
  const parts = new Intl.DateTimeFormat(tags[locale], { timeZone: TIME_ZONE, ...options }).formatToParts(date);
  const ordinal = locale === 'fr' && options.day === 'numeric';
  return parts.map((p) => (ordinal && p.type === 'day' && p.value === '1' ? '1er' : p.value)).join('');
}

export function formatTime(date: Date, locale: Locale): string {
  return formatDate(date, locale, { hour: '2-digit', minute: '2-digit' });
}

export function formatDateTime(date: Date, locale: Locale): string {
  return formatDate(date, locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

/** 1.234 km → "1,2 km"; 0.4 km → "400 m". */
export function formatDistance(km: number, locale: Locale): string {
  if (km < 1) return `${Math.max(10, Math.round((km * 1000) / 10) * 10)} m`;
  const digits = km < 10 ? 1 : 0;
  return `${formatNumber(km, locale, { maximumFractionDigits: digits })} km`;
}

/** Replaces {name} placeholders. A message with a plural goes through formatMessage instead. */
export function interpolate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));
}

const PLURAL_START = /\{(\w+),\s*plural,/y;

/** The block that opens at template[open] === '{': its inner text and the index after its '}'. */
function block(template: string, open: number): { inner: string; end: number } {
  let depth = 0;
  for (let i = open; i < template.length; i++) {
    if (template[i] === '{') depth++;
    else if (template[i] === '}' && --depth === 0) return { inner: template.slice(open + 1, i), end: i + 1 };
  }
  throw new Error(`Unbalanced braces in message: ${template}`);
}

/** "=0 {…} one {# article} other {# articles}" → the branches by selector. */
function branches(body: string, template: string): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  for (;;) {
    while (i < body.length && /\s/.test(body[i] as string)) i++;
    if (i >= body.length) break;
    const open = body.indexOf('{', i);
    if (open < 0) throw new Error(`Plural selector without a branch in message: ${template}`);
    const selector = body.slice(i, open).trim();
    const { inner, end } = block(body, open);
    out.set(selector, inner);
    i = end;
  }
  if (!out.has('other')) throw new Error(`Plural without an "other" branch in message: ${template}`);
  return out;
}

function expandPlurals(template: string, values: Record<string, string | number>, locale: Locale): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    PLURAL_START.lastIndex = i;
    const start = template[i] === '{' ? PLURAL_START.exec(template) : null;
    if (!start) {
      out += template[i];
      i++;
      continue;
    }
    const name = start[1] as string;
    const { inner, end } = block(template, i);
    const n = Number(values[name]);
    if (!Number.isFinite(n)) throw new Error(`Plural "${name}" needs a number in message: ${template}`);
    const choices = branches(inner.slice(start[0].length - 1), template);
    const chosen = choices.get(`=${n}`) ?? choices.get(pluralCategory(n, locale)) ?? (choices.get('other') as string);
    const count = formatNumber(n, locale);
    out += expandPlurals(chosen, values, locale).replace(/#/g, count);
    i = end;
  }
  return out;
}

/**
 * A dictionary message with real plurals, in the ICU syntax translators know:
 *   "{count, plural, one {# article} other {# articles}}" — "=0 {…}" picks an exact number first;
 *   `#` is the count, written the language's way. Other {placeholders} as in interpolate.
 */
export function formatMessage(template: string, values: Record<string, string | number>, locale: Locale): string {
  return interpolate(expandPlurals(template, values, locale), values);
}
