import { z } from 'zod';

/** `?store=<id>&days=<1-7>`: what the slot picker polls. */
export const driveSlotsQuerySchema = z.object({
  store: z
    .string()
    .regex(/^[1-9]\d{0,9}$/, 'store must be a positive whole number')
    .transform(Number)
    .refine((id) => id <= 2_147_483_647, 'store is out of range'),
  days: z
    .string()
    .regex(/^[1-7]$/, 'days must be from 1 to 7')
    .transform(Number)
    .optional(),
});

export type DriveSlotsQuery = z.infer<typeof driveSlotsQuerySchema>;

export function parseDriveSlotsQuery(params: URLSearchParams): { ok: true; query: DriveSlotsQuery } | { ok: false; error: string } {
  const raw: Record<string, string> = {};
  for (const key of ['store', 'days']) {
    const value = params.get(key);
    if (value !== null) raw[key] = value;
  }
  const parsed = driveSlotsQuerySchema.safeParse(raw);
  if (parsed.success) return { ok: true, query: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, error: issue?.path[0] === 'store' && raw.store === undefined ? 'store is required' : (issue?.message ?? 'invalid query') };
}
