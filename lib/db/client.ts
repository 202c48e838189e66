import fs from 'node:fs';
import path from 'node:path';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { Assume } from 'drizzle-orm/utils';
import type { PGlite } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';
import * as schema from './schema';
import { pgliteExtensions } from './pglite-extensions';
import { isDatabaseUnavailable } from './unavailable';

/** What `execute()` returns on both drivers: node-postgres' QueryResult and PGlite's Results both have `rows`. */
type RowsResult<Row> = { rows: Row[] };
export interface RowsResultHKT extends PgQueryResultHKT {
  type: RowsResult<Assume<this['row'], Record<string, unknown>>>;
}

type Schema = typeof schema;

/**
 * One typed API over both drivers: PGlite's and node-postgres' Drizzle databases are both this
 * type as they are (no cast), and so is a transaction (`Tx`), so a function taking `Db` runs on
 * the process-wide database or inside a caller's transaction.
 */
export type Db = PgDatabase<RowsResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

/** A transaction (or a savepoint inside one): a function that locks rows asks for this, not `Db`. */
export type Tx = PgTransaction<RowsResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type Connection =
  | { kind: 'postgres'; db: Db; pool: Pool; close: () => Promise<void> }
  | { kind: 'pglite'; db: Db; client: PGlite; dataDir: string; close: () => Promise<void> };

export class DatabaseLockedError extends Error {
  /** `pid` is undefined when the holder has created the lock but not yet written its pid. */
  constructor(
    readonly dataDir: string,
    readonly pid: number | undefined,
  ) {
    super(
      `The embedded database at ${dataDir} is already open in ${pid === undefined ? 'another process (it is still writing its pid to the lock file)' : `process ${pid}`}. ` +
        'Two processes on one PGlite folder lose committed writes silently, so this one refuses to start. ' +
        'Stop the other process (a dev server, a test run, a seed), give this one its own folder with ' +
        'PGLITE_DIR, or set DATABASE_URL=postgres://… to share a real PostgreSQL.',
    );
    this.name = 'DatabaseLockedError';
  }
}

export function pgliteDir(): string {
  // A runtime folder, not a source file: keep the bundler's file tracer out of it.
  return path.resolve(/* turbopackIgnore: true */ process.env.PGLITE_DIR || path.join(process.cwd(), '.data', 'pglite'));
}

/** Whether a process with this pid exists on this machine (EPERM: it does, as another user's). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** How long an empty lock file counts as a holder still writing its pid, not a stale file. */
export const EMPTY_LOCK_GRACE_MS = 10_000;

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * The pid in a lock file. The holder creates the file, then writes its pid: an empty file is a
 * holder between the two, so we wait briefly for the pid; only an empty file older than the grace
 * period (its writer died in between) is stale. Returns 'stale' or the pid (undefined: held, pid
 * not yet written).
 */
function readLockHolder(lockPath: string, graceMs: number): number | undefined | 'stale' {
  for (let waited = 0; ; waited += 50) {
    let text: string;
    let mtimeMs: number;
    try {
      text = fs.readFileSync(lockPath, 'utf8').trim();
      mtimeMs = fs.statSync(lockPath).mtimeMs;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'stale'; // released meanwhile: try again
      throw err;
    }
    if (text) return /^\d+$/.test(text) ? Number(text) : 'stale';
    if (Date.now() - mtimeMs > graceMs) return 'stale';
    if (waited >= 1_000) return undefined;
    sleepSync(50);
  }
}

/** The folder's real path: symbolic links resolved, also when the folder itself is not made yet. */
function canonicalPath(dir: string): string {
  try {
    return fs.realpathSync.native(dir);
  } catch {
    return path.join(fs.realpathSync.native(path.dirname(dir)), path.basename(dir));
  }
}

/**
 * An exclusive lock file beside the data folder. O_EXCL creation is atomic, so two processes
 * starting together cannot both win; a lock left by a dead process is taken over.
 */
export function acquirePgliteLock(dataDir: string, { emptyGraceMs = EMPTY_LOCK_GRACE_MS } = {}): () => void {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  // One folder, one lock, whatever the path that names it: through a symbolic link (or a linked
  // parent) a second process would otherwise take a lock of its own beside the link and open the
  // same files.
  const lockPath = `${canonicalPath(dataDir)}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      const release = () => {
        try {
          if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = readLockHolder(lockPath, emptyGraceMs);
      if (pid === undefined) throw new DatabaseLockedError(dataDir, undefined);
      if (pid !== 'stale' && pid !== process.pid && isAlive(pid)) throw new DatabaseLockedError(dataDir, pid);
      fs.rmSync(lockPath, { force: true }); // stale: its owner is gone (or it is ours from a reload)
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}

/**
 * How long the server waits on PostgreSQL (DATABASE_TIMEOUT_MS, 5 s by default): for a connection
 * (a new one, or a pooled one when all are busy), and for a statement. PostgreSQL cancels a
 * statement at `statementMs`; the client gives up a second later (`queryMs`), which also covers a
 * link gone silent — packets held, nothing refused — where no answer, not even the cancel, comes.
 * 0 turns them off (migrations and seeds: a large seed's statements run for minutes).
 */
export function databaseTimeouts(env: Record<string, string | undefined> = process.env): { connectMs: number; statementMs: number; queryMs: number } {
  const given = Number(env.DATABASE_TIMEOUT_MS);
  const ms = Number.isFinite(given) && given > 0 ? given : 5_000;
  return { connectMs: ms, statementMs: ms, queryMs: ms + 1_000 };
}

/** pg's client-side query timeout: the error it raises, and the one a query on a discarded connection gets. */
export const QUERY_READ_TIMEOUT = /Query read timeout|Client was closed and is not queryable/;

/**
 * A connection whose query timed out on the client still has that query on the wire: the next one
 * would queue behind it, and a transaction (Drizzle releases its connection without the error)
 * would hand it back to the pool to hang the next request. So it is closed at once and handed back
 * as broken: the pool drops it and opens a fresh one when needed. Handed back here because Drizzle
 * never releases a connection whose BEGIN failed (its `transaction` runs BEGIN outside its
 * try/finally): each stalled BEGIN would otherwise take one connection from the pool for good.
 * Each statement's outcome also goes to the breaker, and a statement on a connection already held
 * (a transaction) fails fast while the breaker is open, like a new checkout (gatePool below).
 */
function discardOnReadTimeout(client: PoolClient, breaker?: Breaker): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const report = (err: unknown) => (err ? breaker?.failed(err) : breaker?.answered());
  const run = (...args: unknown[]) => {
    const callback = args[args.length - 1];
    if (typeof callback === 'function') {
      // pg-pool's `pool.query` (Drizzle outside transactions): it releases the connection with the
      // error itself, which drops it.
      args[args.length - 1] = (err: unknown, res: unknown) => {
        report(err);
        (callback as (err: unknown, res: unknown) => void)(err, res);
      };
      return query(...args);
    }
    const result = query(...args);
    if (result instanceof Promise) {
      result.then(
        () => report(undefined),
        (err: unknown) => {
          report(err);
          if (!(err instanceof Error) || !QUERY_READ_TIMEOUT.test(err.message)) return;
          client.end().catch(() => {});
          client.release(err);
        },
      );
    }
    return result;
  };
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    // Promise form only: pg-pool's own `pool.query` uses the callback form, and is gated at checkout.
    const submittable = typeof (args[0] as { submit?: unknown } | undefined)?.submit === 'function';
    if (!breaker || submittable || typeof args[args.length - 1] === 'function' || probing.has(client)) return run(...args);
    return breaker.admit().then(() => run(...args));
  };
}

/**
 * Raised instead of waiting while the database is known not to answer (lib/db/unavailable.ts reads
 * it as "unavailable": the try-again page, a 503, a form's refusal).
 */
export class DatabaseUnreachableError extends Error {
  constructor(sinceMs: number) {
    super(`Database unreachable: a statement got no answer in time ${sinceMs} ms ago; failing fast until a probe gets one`);
    this.name = 'DatabaseUnreachableError';
  }
}

/**
 * What trips the breaker: no answer at all in time — to a statement, or to a new connection (a
 * silent link). Not a refusal (fails fast by itself), not a slow statement PostgreSQL cancelled
 * (57014: it answered), and not pg-pool's "timeout exceeded when trying to connect", which is a
 * wait for a busy pool: the statements keeping it busy trip it themselves if the link is silent.
 */
const NO_ANSWER = /Query read timeout|Connection terminated due to connection timeout/;

const probing = new WeakSet<PoolClient>();

/**
 * A circuit breaker per pool. Each statement waits at most one timeout (databaseTimeouts), but a
 * request runs several in sequence — place order: the cart, the stock, the order, and after a
 * failure a replay lookup and a payment void — and over a silent link each waited its own 6 s
 * (22 s for one order). A per-request deadline would need the request threaded through every
 * domain call; the breaker needs nothing of them: once a statement got no answer in time, every
 * statement and checkout fails at once for `coolMs`, so a request pays one timeout at most. Then
 * the next caller runs one probe (`SELECT 1`, its own timeouts) that every caller meanwhile waits
 * on: an answer closes the breaker, so recovery is automatic and the first request after it
 * succeeds; no answer opens it again. Refused connections (a database that is down) fail fast by
 * themselves and do not trip it, so the lost-database path is unchanged.
 */
class Breaker {
  /** performance.now() when it opened: a monotonic clock, and one Next.js allows while it prerenders a page (Date.now() there is an error). */
  private openedAt: number | undefined;
  private probe: Promise<void> | undefined;

  constructor(
    private readonly coolMs: number,
    private readonly runProbe: () => Promise<void>,
  ) {}

  /** Resolves when a statement may go to the database; rejects at once while it is known not to answer. */
  admit(): Promise<void> {
    if (this.openedAt === undefined) return Promise.resolve();
    const since = performance.now() - this.openedAt;
    if (since < this.coolMs && !this.probe) return Promise.reject(new DatabaseUnreachableError(since));
    this.probe ??= this.runProbe().then(
      () => {
        this.probe = undefined;
        this.answered();
      },
      (err: unknown) => {
        this.probe = undefined;
        this.openedAt = performance.now();
        throw err;
      },
    );
    return this.probe;
  }

  /** The database answered (a result, or an error of its own such as a constraint): it is reachable. */
  answered(): void {
    this.openedAt = undefined;
  }

  failed(err: unknown): void {
    if (err instanceof Error && NO_ANSWER.test(err.message)) this.openedAt = performance.now();
    else if (!isDatabaseUnavailable(err)) this.answered();
  }
}

/**
 * Puts the pool behind the breaker: a checkout (Drizzle's transactions, queryRows, and pg-pool's
 * own `pool.query`, which checks out through `this.connect`) waits on `admit()`; a new connection
 * that got no answer trips it. The probe checks out and queries around the gate.
 */
function gatePool(pool: Pool, breaker: Breaker, connect: Pool['connect']): void {
  const gated = (callback?: (err: Error | undefined, client?: PoolClient, done?: (release?: unknown) => void) => void) => {
    const checkout = breaker.admit().then(() =>
      connect().catch((err: unknown) => {
        breaker.failed(err);
        throw err;
      }),
    );
    if (!callback) return checkout;
    checkout.then(
      (client) => callback(undefined, client, (release?: unknown) => client.release(release as Error | boolean | undefined)),
      (err: unknown) => callback(err as Error),
    );
    return undefined;
  };
  (pool as unknown as { connect: typeof gated }).connect = gated;
}

/**
 * pg-pool gives a connection a new `release` at each checkout and throws on a second call; after
 * ours above, the caller's own release (Drizzle's `finally`) must be a no-op, not an error that
 * would hide the "unavailable" one.
 */
function releaseOnce(client: PoolClient): void {
  let current: ((err?: Error | boolean) => void) | undefined;
  Object.defineProperty(client, 'release', {
    configurable: true,
    set(release: (err?: Error | boolean) => void) {
      current = release;
    },
    get() {
      return (err?: Error | boolean) => {
        const release = current;
        current = undefined;
        release?.(err);
      };
    },
  });
}

export async function openConnection(url = process.env.DATABASE_URL, { timeouts = true } = {}): Promise<Connection> {
  if (url) {
    const { Pool } = await import('pg');
    // A request gives up after a few seconds — to connect, to get a pooled connection, or for an
    // answer — and answers "try again" (lib/http/outage.ts) instead of hanging while the database
    // is unreachable or the link to it has gone silent.
    const t = timeouts ? databaseTimeouts() : undefined;
    const pool = new Pool({
      connectionString: url,
      max: Number(process.env.DATABASE_POOL_SIZE || 10),
      connectionTimeoutMillis: t?.connectMs ?? 5_000,
      ...(t && { statement_timeout: t.statementMs, query_timeout: t.queryMs }),
      keepAlive: true,
    });
    const connect = pool.connect.bind(pool) as () => Promise<PoolClient>;
    const breaker = t
      ? new Breaker(t.connectMs, async () => {
          const client = await connect();
          probing.add(client);
          try {
            await client.query('SELECT 1');
          } finally {
            probing.delete(client);
            client.release();
          }
        })
      : undefined;
    if (breaker) gatePool(pool, breaker, connect);
    pool.on('connect', (client) => {
      releaseOnce(client);
      discardOnReadTimeout(client, breaker);
    });
    // An idle connection that drops (the database restarts, the network goes) emits 'error' on the
    // pool; unheard, it would crash the server. The pool discards it and opens another when needed.
    pool.on('error', (err) => console.error(`database: an idle connection was lost (${err.message}); new ones will be opened as needed`));
    const db: Db = drizzlePg(pool, { schema });
    return { kind: 'postgres', db, pool, close: () => pool.end() };
  }
  const dataDir = pgliteDir();
  const release = acquirePgliteLock(dataDir);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    fs.mkdirSync(dataDir, { recursive: true });
    const client = await PGlite.create(dataDir, { extensions: await pgliteExtensions() });
    const db: Db = drizzlePglite(client, { schema });
    return {
      kind: 'pglite',
      db,
      client,
      dataDir,
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

type Holder = { connection?: Promise<Connection> };
// Kept on globalThis so a dev-server module reload reuses the open database instead of opening
// the same PGlite folder twice in one process.
const holder = ((globalThis as { __comptoirDb?: Holder }).__comptoirDb ??= {});

/** The process-wide connection, opened on first use — never at build time. */
export function getConnection(): Promise<Connection> {
  if (process.env.NEXT_PHASE === 'phase-production-build') {
    throw new Error('The database must not be opened during `next build`: make the page dynamic.');
  }
  holder.connection ??= openConnection().catch((err) => {
    holder.connection = undefined;
    throw err;
  });
  return holder.connection;
}

export async function getDb(): Promise<Db> {
  return (await getConnection()).db;
}

/**
 * One transaction on the process-wide database: the one way commands open one. With `refusal`,
 * what the work (or the commit: a deferred trigger, a constraint) raised goes through it first,
 * so a RAISEd 'comptoir:…' reason or a constraint's name reaches the caller as a typed
 * DomainError; `refusal` returns anything else as is.
 */
export function transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
export function transaction<T>(opts: { refusal: (err: unknown) => unknown }, work: (tx: Tx) => Promise<T>): Promise<T>;
export async function transaction<T>(
  ...args: [work: (tx: Tx) => Promise<T>] | [opts: { refusal: (err: unknown) => unknown }, work: (tx: Tx) => Promise<T>]
): Promise<T> {
  const [refusal, work] = args.length === 1 ? [undefined, args[0]] : [args[0].refusal, args[1]];
  const db = await getDb();
  if (!refusal) return db.transaction(work);
  try {
    return await db.transaction(work);
  } catch (err) {
    throw refusal(err);
  }
}

/** For tests and scripts: use this connection as the process-wide one. */
export function setConnection(connection: Connection | undefined): void {
  holder.connection = connection ? Promise.resolve(connection) : undefined;
}

/**
 * Raw SQL, for a statement whose refusal is expected (a RAISE in a database function): each call
 * gives its own `// Raw SQL:` reason (lib/db/raw-sql.test.ts); everything else goes through Drizzle.
 * One statement on a checked-out connection. node-postgres' `pool.query` destroys the connection
 * when the statement fails, so a stream of expected refusals (a crowd for the last units, each
 * told "not enough stock" by a RAISE) would pay a new connection each; released normally, the
 * connection goes back to the pool (one that timed out has closed itself: the pool drops it).
 */
export async function queryRows<T>(text: string, params: unknown[]): Promise<T[]> {
  const connection = await getConnection();
  if (connection.kind === 'pglite') return (await connection.client.query<T>(text, params)).rows;
  const client = await connection.pool.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    client.release();
  }
}
