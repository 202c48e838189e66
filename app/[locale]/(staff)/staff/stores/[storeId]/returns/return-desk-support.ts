import 'server-only';
import { revalidatePath } from 'next/cache';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatMessage, formatPrice, interpolate } from '@/lib/i18n/format';
import type { CheckInResult } from '@/lib/returns/check-in';

/** The desk page and the stock page (resellable units went back on the shelf). */
export function revalidateDesk(storeId: number): void {
  revalidatePath(`/staff/stores/${storeId}`, 'layout');
}

/**
 * A returns desk refusal — a pass already used, a stale page — reads the desk again too (the
 * builder checked the person works at the store the form names).
 */
export function refreshDeskOnRefusal<R>(refusal: R, { input }: { input?: { storeId: number } }): R {
  if (input) revalidateDesk(input.storeId);
  return refusal;
}

/** "Return R-… checked in: Refunded. Refunded €12.99 · To the card…; 12 points taken back; 1 unit back in stock." */
export function checkInSummary(r: CheckInResult, t: Dictionary['returns'], locale: Locale): string {
  const amount = formatPrice(r.refundCents, locale);
  const parts = [interpolate(t.checkedIn, { code: r.code, status: t[`status_${r.status}`] })];
  if (r.refundCents > 0) {
    if (r.refundState === 'succeeded') parts.push(interpolate(t.refundDone, { amount, how: t[`refund_${r.refundMethod}`] }));
    else if (r.refundState === 'failed') parts.push(interpolate(t.refundFailedDesk, { amount, error: r.refundError ?? '' }));
    else parts.push(interpolate(t.refundPendingDesk, { amount }));
  }
  parts.push(r.pointsReversed > 0 ? formatMessage(t.pointsReversed, { points: r.pointsReversed }, locale) : t.pointsNone);
  if (r.pointsShortfall > 0) parts.push(formatMessage(t.pointsShortfall, { points: r.pointsShortfall }, locale));
  const units = r.restocked.reduce((n, u) => n + u.quantity, 0);
  if (units > 0) parts.push(formatMessage(t.restocked, { n: units }, locale));
  return parts.join(' · ');
}
