import { z } from 'zod';

/*
 * Issue messages are keys of the `account` dictionary (lib/i18n/dict/account.ts), so the action
 * shows them in the visitor's language; tests read the keys.
 */

const emailSchema = z
  .string({ error: 'emailInvalid' })
  .trim()
  .min(1, { error: 'emailRequired' })
  .max(254, { error: 'emailInvalid' })
  .pipe(z.email({ error: 'emailInvalid' }));

/**
 * At least 10 characters, and not only letters or only digits: long enough to resist guessing,
 * without composition rules that push people towards "Password1!".
 */
export const newPasswordSchema = z
  .string({ error: 'passwordRule' })
  .min(10, { error: 'passwordRule' })
  .max(200, { error: 'passwordTooLong' })
  .refine((p) => !/^\p{L}+$/u.test(p) && !/^\d+$/.test(p), { error: 'passwordRule' });

export const signUpSchema = z.object({
  name: z.string({ error: 'nameRequired' }).trim().min(1, { error: 'nameRequired' }).max(80, { error: 'nameTooLong' }),
  email: emailSchema,
  password: newPasswordSchema,
});

/** Sign-in checks only the shape: an account made under older rules must still get in. */
export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: 'passwordRequired' }).min(1, { error: 'passwordRequired' }).max(200),
});

/** The current password proves it is the owner, not someone at an unlocked screen. */
export const changePasswordSchema = z.object({
  currentPassword: z.string({ error: 'passwordRequired' }).min(1, { error: 'passwordRequired' }).max(200),
  password: newPasswordSchema,
});

export type SignUpInput = z.infer<typeof signUpSchema>;
export type SignInInput = z.infer<typeof signInSchema>;

/** First issue per field, as a dictionary key. */
export function fieldErrorKeys(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    out[field] ??= issue.message;
  }
  return out;
}
