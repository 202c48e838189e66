/** What an account form action returns to its form (useActionState). */
export type AuthFormState = {
  ok: boolean;
  message: string;
  fieldErrors: Partial<Record<'name' | 'email' | 'password' | 'currentPassword', string>>;
  /** What was typed, so a refused form keeps it (never the password). */
  values: { name?: string; email?: string; joinLoyalty?: boolean };
  /** Shown after the message: "sign in instead" when the email is taken. */
  link?: { href: string; label: string };
};

export const initialAuthFormState: AuthFormState = { ok: false, message: '', fieldErrors: {}, values: {} };

/** Turns dictionary keys from the zod schemas (lib/auth/schemas.ts) into the visitor's language. */
export function translateFieldErrors(keys: Record<string, string>, texts: Record<string, string>): AuthFormState['fieldErrors'] {
  return Object.fromEntries(Object.entries(keys).map(([field, key]) => [field, texts[key] ?? key]));
}
