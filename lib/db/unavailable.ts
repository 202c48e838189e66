import { findInCauses } from '@/lib/errors';

/**
 * Whether an error means "the database cannot be reached right now" — refused or dropped
 * connections, a server starting up or shutting down, a connection that timed out — as opposed to
 * a bug. Such a request gets a clear "try again" answer (a 503), and the next one succeeds once
 * PostgreSQL is back: the pool opens new connections by itself.
 */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
// SQLSTATE class 08 (connection exception), 57P01–57P03 (admin shutdown, crash shutdown, cannot
// connect now) and 57014 (a statement cancelled by statement_timeout: the database is too slow to
// answer in time, lib/db/client.ts databaseTimeouts).
const SQLSTATES = /^(08\d\d\d|57P0[123]|57014)$/;
// pg's own: "Query read timeout" (no answer in time: a silent link) and the error a query gets on
// the connection that was closed for it; ours, "Database unreachable", while the breaker in
// lib/db/client.ts fails statements fast after such a timeout.
const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|Client has encountered a connection error|the database system is (starting up|shutting down)|Query read timeout|Client was closed and is not queryable|Database unreachable/i;

export function isDatabaseUnavailable(err: unknown): boolean {
  return (
    findInCauses(err, (e) => {
      const code = typeof e.code === 'string' ? e.code : '';
      if (NETWORK_CODES.has(code) || SQLSTATES.test(code)) return true;
      if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
      return undefined;
    }) === true
  );
}
