/**
 * An expected refusal a caller can show to a person (out of stock, not your store, email taken).
 * `code` is stable so the UI can translate it; `message` is an English fallback written for the
 * reader, never a stack trace.
 */
export class DomainError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.name = new.target.name;
  }
}

/**
 * The first value `pick` finds along an error's cause chain: drivers (pg, PGlite) raise the
 * database error, and Drizzle wraps it in errors of its own. Auth.js wraps what a provider's
 * authorize() throws as `cause: { err, provider }`, so a cause with no cause of its own is followed
 * through its `err`.
 */
export function findInCauses<T>(err: unknown, pick: (e: Record<string, unknown>) => T | undefined): T | undefined {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 6; depth++) {
    const found = pick(e as Record<string, unknown>);
    if (found !== undefined) return found;
    const { cause, err: wrapped } = e as { cause?: unknown; err?: unknown };
    e = cause ?? (wrapped instanceof Error ? wrapped : undefined);
  }
  return undefined;
}

/** The SQLSTATE of a PostgreSQL error, whether raised by pg, PGlite, or wrapped by Drizzle. */
export function pgErrorCode(err: unknown): string | undefined {
  return findInCauses(err, (e) => (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : undefined));
}

/** The constraint a PostgreSQL error names (a unique or check violation), wherever it is wrapped. */
export function pgConstraint(err: unknown): string | undefined {
  return findInCauses(err, (e) => (typeof e.constraint === 'string' ? e.constraint : undefined));
}

export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';
