'use server';
import { withOutageRefusal } from '@/lib/http/action-outage';
import { assertStaffOfStore } from '@/lib/auth/guards';
import { interpolate } from '@/lib/i18n/format';
import { isSafeText } from '@/lib/input/text';
import { lookupStock } from '@/lib/inventory/staff-queries';
import type { FindItemResult } from '@/components/staff/till/types';
import { variantLabel } from '../stock-action-support';
import { idSchema, tillContext, tillRefusal } from './till-action-support';

/** A scanned barcode (exact) or a typed name, with the price and this shop's free units. */
async function findItemActionUnchecked(rawStoreId: number, query: string): Promise<FindItemResult> {
  const { userId, t, locale } = await tillContext();
  if (userId === null) return { ok: false, message: t.till.signInAgain };
  const storeId = idSchema.safeParse(rawStoreId);
  if (!storeId.success) return { ok: false, message: t.till.notYourStore };
  const q = String(query ?? '')
    .trim()
    .slice(0, 100);
  if (!q) return { ok: true, items: [], exact: false };
  if (!isSafeText(q)) return { ok: false, message: t.common.unsafeText };
  try {
    await assertStaffOfStore(userId, storeId.data);
    const rows = await lookupStock({ locationId: storeId.data, query: q });
    if (rows.length === 0) return { ok: false, message: interpolate(t.till.itemNotFound, { query: q }) };
    return {
      ok: true,
      exact: /^\d{13}$/.test(q),
      items: rows.map((r) => ({
        skuId: r.skuId,
        name: locale === 'fr' ? r.nameFr : r.nameEn,
        variant: variantLabel(r, t),
        ean: r.ean13,
        priceCents: r.priceCents,
        // Never held here (no stock row): the shop does not sell it.
        available: r.updatedAt === null ? null : Math.max(0, r.available),
      })),
    };
  } catch (err) {
    return tillRefusal(err, t);
  }
}

/** A database that cannot be reached is answered with a refusal the screen shows (lib/http/action-outage.ts). */
export const findItemAction = withOutageRefusal(findItemActionUnchecked);
