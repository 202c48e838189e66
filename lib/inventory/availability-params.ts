import { z } from 'zod';

/** Bounds that keep one request (or one open stream) cheap: a product page needs ~7 locations and 1 SKU. */
export const MAX_LOCATIONS = 20;
export const MAX_SKUS = 10;

const idList = (what: string, max: number) =>
  z
    .string()
    .trim()
    .transform((s) => (s === '' ? [] : s.split(',').map((p) => p.trim())))
    .pipe(
      z
        .array(z.string().regex(/^[1-9]\d{0,9}$/, `${what} must be positive whole numbers, separated by commas`))
        .max(max, `at most ${max} ${what}`)
        .transform((ids) => [...new Set(ids.map(Number))]),
    )
    .refine((ids) => ids.every((id) => id <= 2_147_483_647), `${what} are out of range`);

/** `?sku=<id,…>&stores=<id,…>&warehouse=1`, as both the snapshot and the stream read it. */
export const availabilityQuerySchema = z
  .object({
    sku: idList('sku ids', MAX_SKUS).refine((ids) => ids.length > 0, 'sku is required'),
    stores: idList('store ids', MAX_LOCATIONS).default([]),
    warehouse: z
      .enum(['0', '1'])
      .default('0')
      .transform((v) => v === '1'),
  })
  .refine((q) => q.stores.length + (q.warehouse ? 1 : 0) <= MAX_LOCATIONS, `at most ${MAX_LOCATIONS} locations, the warehouse included`)
  .refine((q) => q.stores.length > 0 || q.warehouse, 'name at least one location: stores=<ids> or warehouse=1');

export type AvailabilityQuery = z.infer<typeof availabilityQuerySchema>;

export function parseAvailabilityQuery(params: URLSearchParams): { ok: true; query: AvailabilityQuery } | { ok: false; error: string } {
  const raw: Record<string, string> = {};
  for (const key of ['sku', 'stores', 'warehouse']) {
    const value = params.get(key);
    if (value !== null) raw[key] = value;
  }
  const parsed = availabilityQuerySchema.safeParse(raw);
  if (parsed.success) return { ok: true, query: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${String(issue.path[0])}: ` : '';
  return { ok: false, error: `${where}${issue?.message ?? 'invalid query'}` };
}
