import { z } from 'zod';
import { idSchema } from '@/lib/actions/inputs';
import type { Refusal } from '@/lib/actions/state';
import { isValidEan13 } from '@/lib/barcode/ean13';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { interpolate } from '@/lib/i18n/format';
import { wholeNumber } from '@/lib/input/integer';
import { parisLocalToDate } from './paris-time';

/*
 * The back office's form inputs. Each refusal's message is a key of t.backOffice, said in the
 * person's language on its field by `backOfficeInvalid`.
 */

const text = (max: number) => z.string({ error: 'required' }).trim().min(1, 'required').max(max, 'tooLong');
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'tooLong')
    .optional()
    .transform((v) => (v ? v : null));

/** "49,90", "49.9", "49" → 4990 cents; whole cents only, 0,01 € to 99 999,99 €, no float arithmetic. */
export function parseEuros(value: string): number | null {
  const m = /^(\d{1,5})(?:[.,](\d{1,2}))?$/.exec(value.trim().replace(/\s|€/g, ''));
  if (!m) return null;
  const cents = Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
  return cents > 0 ? cents : null;
}

export const priceSchema = z
  .string({ error: 'priceInvalid' })
  .transform((v, ctx) => parseEuros(v) ?? (ctx.addIssue({ code: 'custom', message: 'priceInvalid' }), z.NEVER));

export const ean13Schema = z
  .string({ error: 'eanInvalid' })
  .trim()
  .refine((v) => isValidEan13(v), 'eanInvalid');

const version = wholeNumber(1, 2_147_483_647);

export const productFormSchema = z.object({
  productId: idSchema,
  version,
  nameFr: text(200),
  nameEn: text(200),
  descriptionFr: text(5000),
  descriptionEn: text(5000),
  brand: text(100),
  categoryId: wholeNumber(1, 2_147_483_647),
});

export const skuFormSchema = z.object({
  skuId: idSchema,
  version,
  priceCents: priceSchema,
  size: optionalText(40),
  colour: optionalText(40),
  ean13: ean13Schema,
});

export const scheduleFormSchema = z.object({
  skuId: idSchema,
  priceCents: priceSchema,
  effectiveAt: z
    .string({ error: 'scheduleWhen' })
    .transform((v, ctx) => parisLocalToDate(v) ?? (ctx.addIssue({ code: 'custom', message: 'scheduleWhen' }), z.NEVER)),
});

export const scheduledIdSchema = z.object({ scheduledId: idSchema });

export const pictureUploadSchema = z.object({
  productId: idSchema,
  version,
  // A form posted without a file sends an empty one: said as "choose a file" by storePicture.
  picture: z.instanceof(Blob).optional(),
});

export const pictureIndexSchema = z.object({
  productId: idSchema,
  version,
  index: wholeNumber(0, 100),
  direction: z.enum(['up', 'down']).optional(),
});

export const productIdSchema = z.object({ productId: idSchema });
export const withdrawSchema = z.object({ productId: idSchema, withdrawn: z.enum(['true', 'false']).transform((v) => v === 'true') });

/** The form's fields as typed (strings), to show again beside a refusal. */
export function typedValues(formData: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, String(formData.get(n) ?? '')]));
}

/** A refusal of the form's input: each field's sentence on the field, the first as the form's message. */
export function backOfficeInvalid(error: z.ZodError, t: Dictionary): Refusal {
  const b = t.backOffice;
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    const key = field === 'categoryId' ? 'departmentInvalid' : issue.message in b ? (issue.message as keyof typeof b) : 'invalidForm';
    const max = 'maximum' in issue ? String(issue.maximum) : '';
    fieldErrors[field] ??= interpolate(b[key], { max });
  }
  const visible = Object.entries(fieldErrors).filter(([f]) => !['productId', 'version', 'scheduledId'].includes(f));
  return visible.length > 0 ? { ok: false, message: visible[0]![1], fieldErrors: Object.fromEntries(visible) } : { ok: false, message: b.invalidForm };
}
