'use server';
import { z } from 'zod';
import type { FindItemResult } from '@/components/staff/till/types';
import { staffAction } from '@/lib/actions/builder';
import { idSchema } from '@/lib/actions/inputs';
import { refuse } from '@/lib/actions/state';
import { variantLabel } from '@/lib/catalog/variant-label';
import { interpolate } from '@/lib/i18n/format';
import { lookupStock } from '@/lib/inventory/staff-queries';

/** A scanned barcode (exact) or a typed name, with the price and this shop's free units. */
export const findItemAction = staffAction('till')
  .call(
    z.tuple([idSchema, z.unknown().optional()]).transform(([storeId, query]) => ({
      storeId,
      query: String(query ?? '')
        .trim()
        .slice(0, 100),
    })),
    (_error, { t }) => refuse(t.till.notYourStore),
  )
  .run(async ({ input: { storeId, query }, t, locale }): Promise<FindItemResult> => {
    if (!query) return { ok: true, items: [], exact: false };
    const rows = await lookupStock({ locationId: storeId, query });
    if (rows.length === 0) return refuse(interpolate(t.till.itemNotFound, { query }));
    return {
      ok: true,
      exact: /^\d{13}$/.test(query),
      items: rows.map((r) => ({
        skuId: r.skuId,
        name: locale === 'fr' ? r.nameFr : r.nameEn,
        variant: variantLabel(r, locale, t),
        ean: r.ean13,
        priceCents: r.priceCents,
        // Never held here (no stock row): the shop does not sell it.
        available: r.updatedAt === null ? null : Math.max(0, r.available),
      })),
    };
  });
