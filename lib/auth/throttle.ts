import 'server-only';
// From @auth/core, which next-auth re-exports it from (next-auth itself needs Next's runtime).
import { CredentialsSignin } from '@auth/core/errors';
import { queryRows } from '@/lib/db/client';

/**
 * Sign-in throttle: at most 10 failed sign-ins per account and 50 per network address in 15
 * minutes (an office or a shop's wifi shares one address), counted in the database
 * (migration 0016) so that every server of a fleet counts the same failures. While an account or
 * an address is over its limit even the right password is refused, without being checked: a
 * guesser learns nothing more. A success clears its account's failures.
 */
export const SIGN_IN_LIMITS = { windowMinutes: 15, perAccount: 10, perAddress: 50 } as const;

/** Thrown by the Credentials provider; the sign-in form says how long to wait. */
export class SignInThrottledError extends CredentialsSignin {
  override code = 'throttled';
  constructor(
    readonly retryAt: Date,
    readonly limitedBy: 'account' | 'address',
  ) {
    super();
  }
}

/** The account key: the email as typed, trimmed and lower-cased (users match case-insensitively). */
export function accountKey(email: string): string {
  return email.trim().toLowerCase().slice(0, 320) || '?';
}

/**
 * The client's address. Behind a load balancer, the last X-Forwarded-For entry is the address the
 * balancer saw (it appends it), which no client can forge. Served directly, Next.js sets the header
 * to the connecting address only when the request has none, so a client could name any address and
 * dodge the per-address count; the per-account count holds either way. Run a fleet behind a
 * balancer that appends (scripts/fleet.ts's does).
 */
export function clientAddress(headers: Headers | undefined): string {
  const forwarded = headers?.get('x-forwarded-for')?.split(',').map((s) => s.trim()).filter(Boolean);
  return (forwarded?.at(-1) ?? headers?.get('x-real-ip') ?? 'unknown').slice(0, 64);
}

/** Takes a turn; throws SignInThrottledError when the account or the address is over its limit. */
export async function beginSignIn(email: string, address: string): Promise<{ attemptId: number; account: string }> {
  const account = accountKey(email);
  const [row] = await queryRows<{ attempt_id: string | null; retry_at: Date | string | null; limited_by: 'account' | 'address' | null }>(
    'SELECT * FROM comptoir_begin_sign_in($1, $2, make_interval(mins => $3), $4, $5)',
    [account, address, SIGN_IN_LIMITS.windowMinutes, SIGN_IN_LIMITS.perAccount, SIGN_IN_LIMITS.perAddress],
  );
  if (!row?.attempt_id) throw new SignInThrottledError(new Date(row?.retry_at ?? Date.now()), row?.limited_by ?? 'account');
  return { attemptId: Number(row.attempt_id), account };
}

/** The password checked out: this attempt and the account's earlier failures stop counting. */
export async function signInSucceeded(turn: { attemptId: number; account: string }): Promise<void> {
  await queryRows('DELETE FROM sign_in_attempts WHERE id = $1 OR account = $2', [turn.attemptId, turn.account]);
}

/** Attempts older than the window count for nothing (a scheduled job, lib/jobs). */
export async function trimSignInAttempts(): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    `WITH gone AS (DELETE FROM sign_in_attempts WHERE attempted_at < clock_timestamp() - make_interval(mins => $1) RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
    [SIGN_IN_LIMITS.windowMinutes],
  );
  return rows[0]?.n ?? 0;
}

/** Whole minutes until `retryAt`, at least 1: "try again in 12 minutes". */
export function minutesUntil(retryAt: Date, now = new Date()): number {
  return Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
}
