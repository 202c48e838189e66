import 'server-only';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { redactQueryParams } from '@/lib/errors';
import { getI18n } from '@/lib/i18n/server';

/** What an action answers while the database cannot be reached: every action's result accepts it. */
export type OutageRefusal = { ok: false; message: string };

/**
 * The sentence for an error that means "the database cannot be reached right now" (refused, timed
 * out, or failing fast after a timeout: lib/db/client.ts), in the visitor's language; undefined for
 * any other error, which stays a bug. Shared by formAction() and withOutageRefusal() below, so every
 * action, form or not, answers a lost or silent database with a refusal the screen shows — not a
 * 500 with an error digest and nothing on the form.
 */
export async function databaseOutageMessage(err: unknown): Promise<string | undefined> {
  if (!isDatabaseUnavailable(err)) return undefined;
  // A failed query's message holds its values (what was typed): taken out before logging.
  console.error('database unavailable:', err instanceof Error ? redactQueryParams(err).message : err);
  return (await getI18n()).t.common.databaseUnavailable;
}

/** Wraps an action that is not a form's (the till, the cart's steppers, the slot hold): see above. */
export function withOutageRefusal<A extends unknown[], R extends { ok: boolean }>(
  action: (...args: A) => Promise<R>,
): (...args: A) => Promise<R | OutageRefusal> {
  return async (...args) => {
    try {
      return await action(...args);
    } catch (err) {
      const message = await databaseOutageMessage(err);
      if (message === undefined) throw err;
      return { ok: false, message };
    }
  };
}
