import type { ActionState } from '@/lib/actions/state';

export type AuthField = 'name' | 'email' | 'password' | 'currentPassword';

/**
 * What an account form action answers its form: what was typed, so a refused form keeps it (never
 * the password), and after the message, "sign in instead" when the email is taken.
 */
export type AuthFormState = ActionState<{ values: { name?: string; email?: string; joinLoyalty?: boolean }; link: { href: string; label: string } }, AuthField>;

/** Turns dictionary keys from the zod schemas (lib/auth/schemas.ts) into the visitor's language. */
export function translateFieldErrors(keys: Record<string, string>, texts: Record<string, string>): NonNullable<AuthFormState['fieldErrors']> {
  return Object.fromEntries(Object.entries(keys).map(([field, key]) => [field, texts[key] ?? key]));
}
