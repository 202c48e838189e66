import { z } from 'zod';
import type { Dictionary } from '@/lib/i18n/dictionary';

/** French phone numbers: 10 digits from 0, or +33 and 9 digits; spaces, dots and dashes allowed. */
const PHONE = /^(?:0\d{9}|\+33\d{9})$/;

/** A home-delivery address as typed at web checkout or at a shop's till, each refusal in the reader's language. */
export function addressSchema(t: Dictionary['orders']) {
  const text = (max: number, error: string) => z.string().trim().min(1, { error }).max(max, { error });
  return z.object({
    name: text(100, t.nameRequired),
    address: text(200, t.addressRequired),
    postcode: z
      .string()
      .trim()
      .regex(/^\d{5}$/, { error: t.postcodeInvalid }),
    town: text(100, t.townRequired),
    phone: z
      .string()
      .transform((v) => v.replace(/[\s.-]/g, ''))
      .refine((v) => v === '' || PHONE.test(v), { error: t.phoneInvalid }),
  });
}

/** A home-delivery address as an order holds it. */
export type DeliveryAddress = { name: string; address: string; postcode: string; town: string; phone: string };

/** The address as typed, so a refused form keeps it (React resets a form after its action). */
export function addressValues(formData: FormData): Record<keyof DeliveryAddress, string> {
  const get = (k: string) => String(formData.get(k) ?? '').slice(0, 300);
  return { name: get('name'), address: get('address'), postcode: get('postcode'), town: get('town'), phone: get('phone') };
}
