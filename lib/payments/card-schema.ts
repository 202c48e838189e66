import { z } from 'zod';
import { cardDigits, isCardExpired, parseExpiry, passesLuhn } from './card-number';
import type { PaymentTextKey } from './messages';
import type { CardMethodInput } from './types';

/*
 * The card form (components/checkout/card-fields.tsx). Field names are the inputs' names, and
 * issue messages are keys of the `payments` dictionary, so the action shows them in the visitor's
 * language; tests read the keys. Parsing yields the CardMethodInput the test provider takes.
 */

export const CARD_FIELDS = ['card_number', 'card_exp', 'card_cvc', 'card_holder'] as const;
export type CardField = (typeof CARD_FIELDS)[number];

type CardErrorKey = Extract<
  PaymentTextKey,
  | 'cardNumberRequired'
  | 'cardNumberInvalid'
  | 'cardExpRequired'
  | 'cardExpInvalid'
  | 'cardExpired'
  | 'cardCvcRequired'
  | 'cardCvcInvalid'
  | 'cardHolderRequired'
  | 'cardHolderTooLong'
>;

/** Adds the issue (a dictionary key) and tells zod this field has no value. */
function refuse(ctx: z.RefinementCtx, key: CardErrorKey): never {
  ctx.addIssue({ code: 'custom', message: key });
  return z.NEVER;
}

/** `now` is the clock a card's expiry is checked against (tests pass a fixed one). */
export function createCardFormSchema(now: () => Date = () => new Date()) {
  return z
    .object({
      card_number: z.string({ error: 'cardNumberRequired' satisfies CardErrorKey }).transform((raw, ctx) => {
        const digits = cardDigits(raw.trim());
        if (!digits) return refuse(ctx, 'cardNumberRequired');
        return passesLuhn(digits) ? digits : refuse(ctx, 'cardNumberInvalid');
      }),
      card_exp: z.string({ error: 'cardExpRequired' satisfies CardErrorKey }).transform((raw, ctx) => {
        if (!raw.trim()) return refuse(ctx, 'cardExpRequired');
        const exp = parseExpiry(raw);
        const current = now();
        // Cards are issued for at most about ten years; further out is a typo.
        if (!exp || exp.year > current.getUTCFullYear() + 20) return refuse(ctx, 'cardExpInvalid');
        return isCardExpired(exp.month, exp.year, current) ? refuse(ctx, 'cardExpired') : exp;
      }),
      card_cvc: z.string({ error: 'cardCvcRequired' satisfies CardErrorKey }).transform((raw, ctx) => {
        const cvc = raw.trim();
        if (!cvc) return refuse(ctx, 'cardCvcRequired');
        return /^\d{3,4}$/.test(cvc) ? cvc : refuse(ctx, 'cardCvcInvalid');
      }),
      card_holder: z
        .string({ error: 'cardHolderRequired' satisfies CardErrorKey })
        .trim()
        .min(1, { error: 'cardHolderRequired' satisfies CardErrorKey })
        .max(100, { error: 'cardHolderTooLong' satisfies CardErrorKey }),
    })
    .transform((f): CardMethodInput => ({
      kind: 'card',
      number: f.card_number,
      expMonth: f.card_exp.month,
      expYear: f.card_exp.year,
      cvc: f.card_cvc,
      holder: f.card_holder,
    }));
}

export const cardFormSchema = createCardFormSchema();

export type CardFormResult = { ok: true; method: CardMethodInput } | { ok: false; errors: Partial<Record<CardField, CardErrorKey>> };

/**
 * Reads the four card inputs from the checkout form. On failure, the first issue per field as a
 * dictionary key: `texts[key]` for the field errors of CardFields.
 */
export function parseCardForm(formData: FormData, schema = cardFormSchema): CardFormResult {
  const values = Object.fromEntries(CARD_FIELDS.map((field) => [field, formData.get(field) ?? undefined]));
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, method: parsed.data };
  const errors: Partial<Record<CardField, CardErrorKey>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as CardField;
    errors[field] ??= issue.message as CardErrorKey;
  }
  return { ok: false, errors };
}
