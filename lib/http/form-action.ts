import 'server-only';
import { builtActionKind } from '@/lib/actions/builder';
import { redactQueryParams } from '@/lib/errors';
import { databaseOutageMessage } from '@/lib/http/action-outage';
import { getI18n } from '@/lib/i18n/server';
import { formHasUnsafeText } from '@/lib/input/text';

/**
 * What every form action answers before its own body runs. A form action is a public endpoint:
 * anyone can post to its id with any body, so its arguments are whatever the request held — a
 * `text/plain` body `[{},1]` arrives as a plain object where the form data belongs, and used to
 * end in `formData.get is not a function`, a 500. Guarded here, once for every form:
 *   - the second argument is not FormData, or the previous state is not one (a plain object, or
 *     null for a form whose first state is null) → the form's refusal, "invalid request";
 *   - a field (name or value) holds text no part of the site can store (lib/input/text.ts) → the
 *     form's refusal, saying so;
 *   - the body throws because the database cannot be reached (lost, or a silent link that timed
 *     out: lib/db/unavailable.ts) → the form's refusal, "the shop cannot be reached, try again in a
 *     moment" — not a 500 that leaves the form as it was with nothing said;
 *   - anything else the body throws is rethrown with a failed query's values taken out, so the log line
 *     Next.js writes never holds what was typed (lib/errors.ts).
 * A refusal is the form's first state with `ok: false`, the message, and a fresh `at` when the
 * form has one. app/actions.fuzz.test.ts fails on a form action exported without this guard.
 */
type FormState = { ok: boolean; message: string; at?: number };

const guarded = new WeakSet<object>();

export function isGuardedFormAction(fn: unknown): boolean {
  return typeof fn === 'function' && (guarded.has(fn) || builtActionKind(fn) === 'form');
}

function isState(prev: unknown, initial: unknown): boolean {
  if (prev === null) return initial === null;
  return typeof prev === 'object' && !Array.isArray(prev) && Object.getPrototypeOf(prev) === Object.prototype;
}

function refusal<S extends FormState | null>(initial: S, message: string): S {
  const at = initial && 'at' in initial ? { at: Date.now() } : {};
  return { ...initial, ok: false, message, ...at } as S;
}

export function formAction<S extends FormState | null>(
  initial: S,
  action: (prev: S, formData: FormData) => Promise<S>,
): (prev: S, formData: FormData) => Promise<S> {
  const guardedAction = async (prev: S, formData: FormData): Promise<S> => {
    if (!(formData instanceof FormData) || !isState(prev, initial)) return refusal(initial, (await getI18n()).t.common.invalidRequest);
    if (formHasUnsafeText(formData)) return refusal(initial, (await getI18n()).t.common.unsafeText);
    try {
      return await action(prev, formData);
    } catch (err) {
      const outage = await databaseOutageMessage(err);
      if (outage !== undefined) return refusal(initial, outage);
      throw redactQueryParams(err);
    }
  };
  guarded.add(guardedAction);
  return guardedAction;
}
