import { z } from 'zod';
import { wholeNumber } from '@/lib/input/integer';
import { isSafeText } from '@/lib/input/text';
import type { LineDecision, WalkInLineInput } from './check-in';
import type { ReturnLineInput } from './commands';
import { LINE_OUTCOMES, RETURN_REASONS } from './schema';

/*
 * What the returns forms and GET endpoints send, parsed before any query: ids bounded to a
 * PostgreSQL int, enums checked, one entry per line. Line fields are named by the line's id
 * (`qty_<orderLineId>`, `reason_<orderLineId>`; at the desk `outcome_<returnLineId>`,
 * `refusal_<returnLineId>`), so the form needs no JSON. Errors come back per field name, for
 * aria-describedby on the field concerned. The domain checks again (what is still returnable,
 * which lines belong to what): these only turn text into typed values.
 */

const id = wholeNumber(1, 2_147_483_647);
const key = z.string().trim().min(8).max(200);
/** A form's idempotency key alone: read first, to replay what it already did. */
export const returnKeySchema = key;
const refund = z.enum(['original', 'store_credit']);

export type FieldErrors = Record<string, string>;
export type Parsed<T> = { ok: true; value: T } | { ok: false; fieldErrors: FieldErrors };

function entries(form: FormData | URLSearchParams): [string, string][] {
  const out: [string, string][] = [];
  form.forEach((v, k) => {
    if (typeof v === 'string') out.push([k, v]);
  });
  return out;
}

function byPrefix(all: [string, string][], prefix: string): Map<number, string> {
  const found = new Map<number, string>();
  for (const [k, v] of all) {
    const m = new RegExp(`^${prefix}_([1-9]\\d{0,9})$`).exec(k);
    if (m && Number(m[1]) <= 2_147_483_647) found.set(Number(m[1]), v.trim());
  }
  return found;
}

function issues(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const i of error.issues) out[String(i.path[0] ?? 'form')] ??= i.message;
  return out;
}

/** Lines the shopper (or the desk, for a walk-in) asks to return: quantity 0 or empty means "not this one". */
function returnLines(all: [string, string][], errors: FieldErrors): ReturnLineInput[] {
  const lines: ReturnLineInput[] = [];
  for (const [lineId, raw] of byPrefix(all, 'qty')) {
    if (raw === '' || raw === '0') continue;
    const quantity = Number(raw);
    if (!/^\d{1,5}$/.test(raw) || quantity <= 0) {
      errors[`qty_${lineId}`] = 'quantity';
      continue;
    }
    const reason = byPrefix(all, 'reason').get(lineId) ?? '';
    if (!(RETURN_REASONS as readonly string[]).includes(reason)) {
      errors[`reason_${lineId}`] = 'reason';
      continue;
    }
    lines.push({ orderLineId: lineId, quantity, reason: reason as ReturnLineInput['reason'] });
  }
  // "No item chosen" is said even when other fields are wrong too: it is the first step of the form.
  if (lines.length === 0 && !Object.keys(errors).some((k) => /^(qty|reason)_/.test(k))) errors.lines = 'no_lines';
  return lines;
}

const bookSchema = z.object({
  orderNumber: z.string().trim().min(1, 'order').max(20, 'order'),
  storeId: id.catch(0).refine((v) => v > 0, 'shop'),
  windowStartsAt: z.iso.datetime({ offset: true, message: 'window' }),
  refund: refund.catch('original'),
  idempotencyKey: key,
});

export type BookReturnForm = z.infer<typeof bookSchema> & { lines: ReturnLineInput[] };

/**
 * The booking form. Field error values are InvalidReturnError details (`quantity`, `reason`,
 * `no_lines`, `shop`, `window`…), so the page shows `t.returns['invalid_' + detail]`.
 */
export function parseBookReturnForm(form: FormData): Parsed<BookReturnForm> {
  const all = entries(form);
  const errors: FieldErrors = {};
  const head = bookSchema.safeParse(Object.fromEntries(all.filter(([k]) => k in bookSchema.shape)));
  if (!head.success) Object.assign(errors, issues(head.error));
  const lines = returnLines(all, errors);
  if (!head.success || Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
  return { ok: true, value: { ...head.data, lines } };
}

const rescheduleSchema = z.object({ code: z.string().trim().min(6).max(12), windowStartsAt: z.iso.datetime({ offset: true, message: 'window' }) });

export function parseRescheduleForm(form: FormData): Parsed<z.infer<typeof rescheduleSchema>> {
  const parsed = rescheduleSchema.safeParse(Object.fromEntries(entries(form)));
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, fieldErrors: issues(parsed.error) };
}

function decisions(all: [string, string][], errors: FieldErrors): LineDecision[] {
  const out: LineDecision[] = [];
  const refusals = byPrefix(all, 'refusal');
  for (const [lineId, outcome] of byPrefix(all, 'outcome')) {
    if (!(LINE_OUTCOMES as readonly string[]).includes(outcome)) {
      errors[`outcome_${lineId}`] = 'outcome';
      continue;
    }
    const refusalReason = refusals.get(lineId)?.slice(0, 500) ?? '';
    if (outcome === 'refused' && refusalReason === '') {
      errors[`refusal_${lineId}`] = 'refusal_reason';
      continue;
    }
    out.push({ returnLineId: lineId, outcome: outcome as LineDecision['outcome'], refusalReason: outcome === 'refused' ? refusalReason : null });
  }
  if (out.length === 0 && Object.keys(errors).length === 0) errors.lines = 'undecided';
  return out;
}

const checkInSchema = z.object({ storeId: id, code: z.string().trim().min(6).max(12) });

/** The desk's check-in form: one `outcome_<returnLineId>` per line, a `refusal_<id>` for a refused one. */
export function parseCheckInForm(form: FormData): Parsed<z.infer<typeof checkInSchema> & { lines: LineDecision[] }> {
  const all = entries(form);
  const errors: FieldErrors = {};
  const head = checkInSchema.safeParse(Object.fromEntries(all));
  if (!head.success) Object.assign(errors, issues(head.error));
  const lines = decisions(all, errors);
  if (!head.success || Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
  return { ok: true, value: { ...head.data, lines } };
}

const walkInSchema = z.object({ storeId: id, orderNumber: z.string().trim().min(1).max(20), refund: refund.catch('original'), idempotencyKey: key });

/** A walk-in: the lines to take back (`qty_`/`reason_` by order line) and, for each, `outcome_`/`refusal_` by order line too. */
export function parseWalkInForm(form: FormData): Parsed<z.infer<typeof walkInSchema> & { lines: WalkInLineInput[] }> {
  const all = entries(form);
  const errors: FieldErrors = {};
  const head = walkInSchema.safeParse(Object.fromEntries(all));
  if (!head.success) Object.assign(errors, issues(head.error));
  const lines = returnLines(all, errors);
  const decided = new Map(decisions(all, {}).map((d) => [d.returnLineId, d]));
  const walkIn: WalkInLineInput[] = [];
  for (const l of lines) {
    const d = decided.get(l.orderLineId);
    if (!d) errors[`outcome_${l.orderLineId}`] = 'outcome';
    else walkIn.push({ ...l, outcome: d.outcome, refusalReason: d.refusalReason });
  }
  if (!head.success || Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
  return { ok: true, value: { ...head.data, lines: walkIn } };
}

const storeQuery = z.object({
  store: z
    .string()
    .regex(/^[1-9]\d{0,9}$/, 'store must be a positive whole number')
    .transform(Number)
    .refine((v) => v <= 2_147_483_647, 'store is out of range'),
});

/** `?store=<id>`: the drop-off window picker's poll. */
export function parseWindowsQuery(params: URLSearchParams): { ok: true; store: number } | { ok: false; error: string } {
  const raw = params.get('store');
  if (raw === null) return { ok: false, error: 'store is required' };
  const parsed = storeQuery.safeParse({ store: raw });
  return parsed.success ? { ok: true, store: parsed.data.store } : { ok: false, error: parsed.error.issues[0]?.message ?? 'invalid query' };
}

const point = z.object({ lat: z.coerce.number().min(-90).max(90), lng: z.coerce.number().min(-180).max(180) });

/** `?lat=&lng=` (geolocation, my store's position) or `?q=<postcode or town>`: where to look for returns desks from. */
export function parseDesksQuery(params: URLSearchParams): { ok: true; at: { lat: number; lng: number } | { q: string } } | { ok: false; error: string } {
  const q = params.get('q')?.trim();
  if (q && !isSafeText(q)) return { ok: false, error: 'q holds a control character or half a character' };
  if (q) return q.length <= 80 ? { ok: true, at: { q } } : { ok: false, error: 'q is too long' };
  if (params.get('lat') === null || params.get('lng') === null) return { ok: false, error: 'lat and lng, or q, are required' };
  const parsed = point.safeParse({ lat: params.get('lat'), lng: params.get('lng') });
  return parsed.success ? { ok: true, at: parsed.data } : { ok: false, error: 'lat and lng must be a position' };
}
