/**
 * A keyed command's key, kept in this browser tab (sessionStorage) from the moment it is sent until
 * its answer arrives. Every keyed action replays from the database, but only if it is asked again
 * with the same key: when the answer is lost (a connection reset after the commit, then the error
 * boundary's retry or a reload), the page renders a new key and the first result can no longer be
 * found. A form that finds its scope's pending key uses it instead, so sending again replays.
 * Expired after 15 minutes: a key that old is a forgotten attempt, not a lost answer.
 */
const PREFIX = 'comptoir:pending:';
export const PENDING_TTL_MS = 15 * 60_000;

export type PendingKey<T = unknown> = { key: string; at: number; path: string; data?: T };

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null; // storage refused (privacy settings): the form works as before, without the net
  }
}

export function readPending<T = unknown>(scope: string): PendingKey<T> | null {
  const s = storage();
  const raw = s?.getItem(PREFIX + scope);
  if (!raw) return null;
  try {
    const p = JSON.parse(raw) as Partial<PendingKey<T>> | null;
    if (p && typeof p.key === 'string' && typeof p.at === 'number' && typeof p.path === 'string' && Date.now() - p.at < PENDING_TTL_MS) {
      return p as PendingKey<T>;
    }
  } catch {
    // unreadable: dropped below
  }
  s?.removeItem(PREFIX + scope);
  return null;
}

/** Sent, no answer yet. `data` is what the screen needs to show the attempt again (the till's ticket). */
export function keepPending<T>(scope: string, key: string, data?: T): void {
  const record: PendingKey<T> = { key, at: Date.now(), path: window.location.pathname, data };
  try {
    storage()?.setItem(PREFIX + scope, JSON.stringify(record));
  } catch {
    // full or refused: nothing kept, as before
  }
}

/** Answered (a result or a refusal): the next attempt is a new one. */
export function dropPending(scope: string, key?: string): void {
  if (key !== undefined && readPending(scope)?.key !== key) return;
  storage()?.removeItem(PREFIX + scope);
}
