import 'server-only';
// From @auth/core, which next-auth re-exports it from (next-auth itself needs Next's runtime).
import { CredentialsSignin } from '@auth/core/errors';
import { and, eq, or, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import { signInAttempts, signInKnownAddresses } from './schema';

/**
 * Sign-in throttle, counted in the database (migrations 0016, 0018) so that every server of a
 * fleet counts the same failures. Three rules, none of which locks an account as a whole:
 * - one account from one address: 10 failures in 15 minutes, then that address waits;
 * - one address, all accounts (credential stuffing): 50 failures in 15 minutes — an office or a
 *   shop's wifi shares one address;
 * - one account from anywhere: past 10 failures in 15 minutes, each attempt waits 1 s, 2 s, 4 s…
 *   (at most 5 minutes) after the account's latest — except from an address the account signed in
 *   from successfully in the last 90 days, so an attack spread over many addresses slows the
 *   guessers but not the owner on their own network.
 * While a rule holds, even the right password is refused without being checked: a guesser learns
 * nothing more. A success clears its own address's failures and remembers the address.
 */
export const SIGN_IN_LIMITS = {
  windowMinutes: 15,
  perAccountAndAddress: 10,
  perAddress: 50,
  freeFailuresPerAccount: 10,
  maxDelaySeconds: 300,
  knownAddressDays: 90,
} as const;

export type ThrottleRule = 'account' | 'address' | 'delay';

/** Thrown by the Credentials provider; the sign-in form says how long to wait. */
export class SignInThrottledError extends CredentialsSignin {
  override code = 'throttled';
  constructor(
    readonly retryAt: Date,
    readonly limitedBy: ThrottleRule,
  ) {
    super();
  }
}

/** The account key: the email as typed, trimmed and lower-cased (users match case-insensitively). */
export function accountKey(email: string): string {
  return email.trim().toLowerCase().slice(0, 320) || '?';
}

export { clientAddress } from '@/lib/http/client-address';

export type SignInTurn = { attemptId: number; account: string; address: string };

/** Takes a turn; throws SignInThrottledError while a rule holds for this account or address. */
export async function beginSignIn(email: string, address: string): Promise<SignInTurn> {
  const account = accountKey(email);
  const at = address.slice(0, 64) || 'unknown';
  const L = SIGN_IN_LIMITS;
  const db = await getDb();
  // Raw SQL: a database function counts and takes the turn under advisory locks on the account and
  // the address, so ten attempts at once cannot slip past a limit of ten.
  const r = await db.execute<{ attempt_id: string | null; retry_at: Date | string | null; limited_by: ThrottleRule | null }>(
    sql`SELECT * FROM comptoir_begin_sign_in(${account}, ${at}, make_interval(mins => ${L.windowMinutes}), ${L.perAccountAndAddress}, ${L.perAddress},
          ${L.freeFailuresPerAccount}, make_interval(secs => ${L.maxDelaySeconds}), make_interval(days => ${L.knownAddressDays}))`,
  );
  const row = r.rows[0];
  if (!row?.attempt_id) throw new SignInThrottledError(new Date(row?.retry_at ?? Date.now()), row?.limited_by ?? 'account');
  return { attemptId: Number(row.attempt_id), account, address: at };
}

/**
 * The password checked out: this attempt and this address's failures on the account stop
 * counting, and the address becomes the account's own. Failures from elsewhere stay: the owner
 * signing in does not hand a guesser a fresh allowance.
 */
export async function signInSucceeded(turn: SignInTurn): Promise<void> {
  const db = await getDb();
  await db
    .delete(signInAttempts)
    .where(or(eq(signInAttempts.id, turn.attemptId), and(eq(signInAttempts.account, turn.account), eq(signInAttempts.address, turn.address))));
  if (turn.address === 'unknown') return;
  await db
    .insert(signInKnownAddresses)
    .values({ account: turn.account, address: turn.address })
    .onConflictDoUpdate({ target: [signInKnownAddresses.account, signInKnownAddresses.address], set: { signedInAt: sql`clock_timestamp()` } });
}

/** Attempts older than the window count for nothing (a scheduled job, lib/jobs). */
export async function trimSignInAttempts(): Promise<number> {
  const db = await getDb();
  // Raw SQL: a CTE trims both tables in one statement and counts the attempts in the database —
  // after an attack there can be hundreds of thousands, whose ids need not travel to be counted.
  const r = await db.execute<{ n: number }>(
    sql`WITH gone AS (DELETE FROM sign_in_attempts WHERE attempted_at < clock_timestamp() - make_interval(mins => ${SIGN_IN_LIMITS.windowMinutes}) RETURNING 1),
             forgotten AS (DELETE FROM sign_in_known_addresses WHERE signed_in_at < clock_timestamp() - make_interval(days => ${SIGN_IN_LIMITS.knownAddressDays}))
        SELECT count(*)::int AS n FROM gone`,
  );
  return r.rows[0]?.n ?? 0;
}

/** Whole minutes until `retryAt`, at least 1: "try again in 12 minutes". */
export function minutesUntil(retryAt: Date, now = new Date()): number {
  return Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
}

/** The wait, as the form says it: "45 s" under a minute, else whole minutes ("3 min"). */
export function waitText(retryAt: Date, now = new Date()): string {
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  return seconds < 60 ? `${seconds} s` : `${minutesUntil(retryAt, now)} min`;
}
