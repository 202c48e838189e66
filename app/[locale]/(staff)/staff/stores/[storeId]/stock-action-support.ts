import 'server-only';
import { z } from 'zod';
import { staffAction } from '@/lib/actions/builder';
import { idSchema, idempotencyKeySchema } from '@/lib/actions/inputs';
import { refuse } from '@/lib/actions/state';
import { productLabel } from '@/lib/catalog/variant-label';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { interpolate } from '@/lib/i18n/format';
import { wholeNumber } from '@/lib/input/integer';
import { MAX_COUNTED_ON_HAND, MAX_RECEIVE_QUANTITY } from '@/lib/inventory/commands';
import { getStaffStockRow } from '@/lib/inventory/staff-queries';

/** Shared by both stock forms: which store, which SKU, and the key that makes a retry harmless. */
const rowSchema = z.object({ storeId: idSchema, skuId: idSchema, idempotencyKey: idempotencyKeySchema, note: z.string().trim().max(200).optional() });

/** The figure refused with its bounds, on its field; anything else was tampered with, or a stale page. */
function invalidFigure(field: string, min: number, max: number) {
  return (error: z.ZodError, { t }: { t: Dictionary }) => {
    if (!error.issues.some((i) => i.path[0] === field)) return refuse(t.staff.keyReused);
    const message = interpolate(t.staff.invalidQuantity, { min, max });
    return refuse(message, { [field]: message });
  };
}

/** A stock row's forms, for the store each names: goods received, and a shelf count. */
export const recordDeliveryForm = staffAction('stock').form(
  rowSchema.extend({ quantity: wholeNumber(1, MAX_RECEIVE_QUANTITY) }),
  invalidFigure('quantity', 1, MAX_RECEIVE_QUANTITY),
);
export const correctCountForm = staffAction('stock')
  .form(rowSchema.extend({ countedOnHand: wholeNumber(0, MAX_COUNTED_ON_HAND) }), invalidFigure('countedOnHand', 0, MAX_COUNTED_ON_HAND))
  .fields({ quantity: 'countedOnHand' });

/** "Chaussures de trail · 42 · Marine", or the SKU's number when the row is gone. */
export async function stockRowLabel(storeId: number, skuId: number, locale: Locale, t: Dictionary): Promise<string> {
  const row = await getStaffStockRow(storeId, skuId);
  return row ? productLabel(row, locale, t) : `#${skuId}`;
}
