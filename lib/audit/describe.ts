import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatDateTime, formatMessage, formatNumber, formatPrice } from '@/lib/i18n/format';

/*
 * An audit line's change as staff read it: each field that differs, named in their language
 * (Prix, Nom (anglais), Marque…) with its values formatted — a price in euros the locale's way, a
 * date and time, yes/no, "withdrawn on …" / "on sale", a count of pictures, a department by name.
 * The lines keep the records' own keys and raw values (cents, ids, ISO dates), so the log stays
 * exact; this is only its reading. A key not known here is shown as it is, so a field added later
 * still appears.
 */

export type AuditChangeRow = { key: string; label: string; before: string; after: string };

type Texts = Dictionary['backOffice'];

/** Fields with their own way of being read; any other value is read by its type (see show). */
const FIELD_KINDS: Record<string, 'price' | 'date' | 'withdrawn' | 'pictures' | 'department' | 'ref'> = {
  priceCents: 'price',
  effectiveAt: 'date',
  withdrawnAt: 'withdrawn',
  images: 'pictures',
  categoryId: 'department',
  skuId: 'ref',
  scheduledPriceId: 'ref',
};

const MISSING = '—';

export function describeAuditChange(
  before: unknown,
  after: unknown,
  ctx: { locale: Locale; t: Texts; departmentName?: (id: number) => string | undefined },
): AuditChangeRow[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  return keys.map((key) => ({ key, label: fieldLabel(key, ctx.t), before: show(key, b[key], ctx), after: show(key, a[key], ctx) }));
}

function asRecord(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** The field's name in the reader's language, or its key when the dictionary has none. */
export function fieldLabel(key: string, t: Texts): string {
  const label = (t as Record<string, unknown>)[`auditField_${key}`];
  return typeof label === 'string' ? label : key;
}

function show(key: string, v: unknown, ctx: { locale: Locale; t: Texts; departmentName?: (id: number) => string | undefined }): string {
  const { locale, t } = ctx;
  const kind = FIELD_KINDS[key];
  if (kind === 'withdrawn') {
    if (v === undefined) return MISSING;
    const at = v === null ? null : asDate(v);
    return at ? formatMessage(t.auditWithdrawnOn, { date: formatDateTime(at, locale) }, locale) : v === null ? t.auditOnSale : String(v);
  }
  if (v === null || v === undefined || v === '') return MISSING;
  if (kind === 'price' && typeof v === 'number') return formatPrice(v, locale);
  if (kind === 'date') {
    const at = asDate(v);
    if (at) return formatDateTime(at, locale);
  }
  if (kind === 'pictures' && Array.isArray(v)) return formatMessage(t.auditPictureCount, { count: v.length }, locale);
  if (kind === 'department' && typeof v === 'number') return ctx.departmentName?.(v) ?? `#${v}`;
  if (kind === 'ref' && typeof v === 'number') return `#${v}`;
  if (typeof v === 'boolean') return v ? t.auditYes : t.auditNo;
  if (typeof v === 'number') return formatNumber(v, locale);
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

function asDate(v: unknown): Date | null {
  if (typeof v !== 'string') return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
}
