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

const PARAMS_IN_MESSAGE = /\nparams: [\s\S]*$/;
const PARAMS_IN_STACK = /\nparams: [\s\S]*?(?=\n {4}at |$)/;

/**
 * Takes the bound values out of a failed query's error, in place, along its whole cause chain:
 * Drizzle's "Failed query: … params: …" (message, stack and `params`), and the `params` PGlite
 * attaches to its own errors. Those values are what a person typed — at sign-up, the email and
 * the password's hash — and a logged error must never carry them. The SQL stays: it is ours, and
 * it is what makes the log line useful. Idempotent; returns its argument.
 */
export function redactQueryParams<T>(err: T): T {
  const seen = new Set<unknown>();
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && !seen.has(e) && depth < 8; depth++) {
    seen.add(e);
    const o = e as { message?: unknown; stack?: unknown; params?: unknown; cause?: unknown; err?: unknown };
    if ('params' in o && o.params !== undefined) {
      const count = Array.isArray(o.params) ? o.params.length : 1;
      try {
        o.params = `[${count} redacted]`;
        if (typeof o.message === 'string') o.message = o.message.replace(PARAMS_IN_MESSAGE, `\nparams: [${count} redacted]`);
        if (typeof o.stack === 'string') o.stack = o.stack.replace(PARAMS_IN_STACK, `\nparams: [${count} redacted]`);
      } catch {
        /* a frozen error: nothing of ours */
      }
    }
    e = o.cause ?? (o.err instanceof Error ? o.err : undefined);
  }
  return err;
}

let consoleRedacted = false;

/**
 * Every error the server logs — Next.js's own report of a failed action or page, Auth.js's
 * logger, ours — goes through the console: each Error argument is redacted first
 * (redactQueryParams). Installed once per server process, from instrumentation.ts.
 */
export function redactConsole(target: Pick<Console, 'error' | 'warn' | 'log' | 'info'> = console): void {
  if (target === console && consoleRedacted) return;
  if (target === console) consoleRedacted = true;
  for (const level of ['error', 'warn', 'log', 'info'] as const) {
    const write = target[level].bind(target);
    target[level] = (...args: unknown[]) => write(...args.map((a) => (a instanceof Error ? redactQueryParams(a) : a)));
  }
}
