import 'server-only';
import { z } from 'zod';
import { wholeNumber } from '@/lib/input/integer';
import { ForbiddenError } from '@/lib/auth/errors';
import { DomainError } from '@/lib/errors';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { interpolate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/config';
import {
  IdempotencyKeyReusedError,
  InvalidQuantityError,
  MAX_COUNTED_ON_HAND,
  MAX_RECEIVE_QUANTITY,
  ReservedExceedsCountError,
  UnknownStockItemError,
} from '@/lib/inventory/commands';
import type { StaffStockRow } from '@/lib/inventory/staff-queries';

/** What a stock form action returns to its row (useActionState). */
export type StockFormState = { ok: boolean; message: string; fieldError?: string };
export const initialStockFormState: StockFormState = { ok: false, message: '' };

const id = wholeNumber(1, 2_147_483_647);

/** Shared by both stock actions: which store, which SKU, and the key that makes a retry harmless. */
const baseSchema = z.object({ storeId: id, skuId: id, idempotencyKey: z.uuid(), note: z.string().trim().max(200).optional() });

export const recordDeliverySchema = baseSchema.extend({
  quantity: wholeNumber(1, MAX_RECEIVE_QUANTITY),
});

export const correctCountSchema = baseSchema.extend({
  countedOnHand: wholeNumber(0, MAX_COUNTED_ON_HAND),
});

export function formFields(formData: FormData): Record<string, FormDataEntryValue | undefined> {
  const out: Record<string, FormDataEntryValue | undefined> = {};
  for (const [key, value] of formData.entries()) if (!key.startsWith('$')) out[key] = value === '' ? undefined : value;
  return out;
}

/** A refused form: the figure field gets the bounds; anything else (a tampered id or key) is generic. */
export function invalidInput(error: z.ZodError, field: string, bounds: { min: number; max: number }, t: Dictionary): StockFormState {
  if (error.issues.some((i) => i.path[0] === field)) {
    const message = interpolate(t.staff.invalidQuantity, bounds);
    return { ok: false, message, fieldError: message };
  }
  return { ok: false, message: t.staff.keyReused };
}

/** "42 · Marine": size and colour as on the shelf tag. */
export function variantLabel(row: Pick<StaffStockRow, 'size' | 'colour'>, t: Dictionary): string {
  const colours = t.catalog as Record<string, string>;
  const colour = row.colour ? (colours[`colour_${row.colour}`] ?? row.colour) : null;
  return [row.size, colour].filter(Boolean).join(' · ');
}

/** "Chaussures de trail · 42 · Marine": the product as staff read it in a confirmation. */
export function productLabel(row: Pick<StaffStockRow, 'nameFr' | 'nameEn' | 'size' | 'colour'>, locale: Locale, t: Dictionary): string {
  return [locale === 'fr' ? row.nameFr : row.nameEn, variantLabel(row, t)].filter(Boolean).join(' · ');
}

/** Refusals become a sentence for staff; anything unexpected is rethrown (a real bug, logged). */
export function refusalMessage(err: unknown, t: Dictionary): StockFormState {
  if (err instanceof ForbiddenError) return { ok: false, message: t.staff.notYourStore };
  if (err instanceof ReservedExceedsCountError) {
    const message = interpolate(t.staff.reservedExceedsCount, { reserved: err.reserved });
    return { ok: false, message, fieldError: message };
  }
  if (err instanceof InvalidQuantityError) {
    const message = interpolate(t.staff.invalidQuantity, { min: err.min, max: err.max });
    return { ok: false, message, fieldError: message };
  }
  if (err instanceof UnknownStockItemError) return { ok: false, message: t.staff.unknownItem };
  if (err instanceof IdempotencyKeyReusedError) return { ok: false, message: t.staff.keyReused };
  if (err instanceof DomainError) return { ok: false, message: err.message };
  throw err;
}
