import 'server-only';
import { AuthError } from 'next-auth';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { SignInThrottledError, waitText } from './throttle';

/*
 * Why signing in (or proving a password) was refused, in the visitor's words: Auth.js's errors
 * are not DomainErrors (lib/actions/refusals.ts), they are read here. Undefined: a bug, rethrown.
 */
type Texts = Dictionary['account'];

/** Too many attempts: how long to wait, for the rule that holds. */
export function throttledRefusal(err: unknown, t: Texts): string | undefined {
  if (!(err instanceof SignInThrottledError)) return undefined;
  const message = { account: t.tooManyAttempts, address: t.tooManyAttemptsHere, delay: t.tooManyAttemptsWait }[err.limitedBy];
  return message.replace('{wait}', waitText(err.retryAt));
}

/**
 * signIn('credentials')'s refusals. Auth.js wraps what authorize() throws in a CallbackRouteError,
 * itself an AuthError: a lost database must not read as a wrong password.
 */
export function signInRefusal(err: unknown, t: Texts): string | undefined {
  const throttled = throttledRefusal(err, t);
  if (throttled !== undefined) return throttled;
  if (isDatabaseUnavailable(err)) return t.signInUnavailable;
  // A wrong password is CredentialsSignin, an AuthError: a message for the form, never a 500.
  if (err instanceof AuthError) return t.wrongCredentials;
  return undefined;
}

/** Whether signing in failed for a reason of Auth.js's (not a bug of ours). */
export function isAuthRefusal(err: unknown): boolean {
  return err instanceof AuthError;
}
