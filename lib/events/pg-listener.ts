import 'server-only';
import type { ClientConfig } from 'pg';

const BACKOFF_MS = { first: 250, max: 10_000 };
/** How often a LISTEN connection proves it is alive, and how long its answer may take. */
export const HEARTBEAT_MS = 5_000;

export type PgListener = {
  /** A statement on the LISTEN connection itself (the stock relay's); fails while it reconnects. */
  query: <T>(text: string, params: unknown[]) => Promise<T[]>;
  stop: () => Promise<void>;
};

/**
 * LISTEN on a dedicated client, not a pooled one: a pool recycles idle connections, and a
 * recycled LISTEN connection silently stops hearing. On loss it reconnects with capped, jittered
 * exponential backoff and reports each (re)established LISTEN, so the caller can resync.
 * A link gone silent (packets held, nothing refused) raises no error, and TCP keepalive does not
 * see it when something in between still acknowledges: a heartbeat query that gets no answer in
 * time closes the connection, and the loop opens a new one.
 */
export async function listenOnPostgres(opts: {
  config: ClientConfig;
  channel: string;
  onPayload: (payload: string | undefined) => void;
  onListening: (reconnected: boolean) => void;
  onLost: () => void;
  /** Names the connection (application_name `comptoir-<name>`) and the log lines; 'stock-hub' by default. */
  name?: string;
  /** Every how many ms the connection must answer a `SELECT 1` (in `query_timeout`, or 5 s). */
  heartbeatMs?: number;
  /** Other channels heard on the same connection (the stock relay's wake-ups), by name. */
  alsoListen?: Record<string, () => void>;
  /** Skip `channel`'s NOTIFYs sent by this connection itself (what its stock relay already handed over). */
  ignoreOwnNotifications?: boolean;
}): Promise<PgListener> {
  const heartbeatMs = opts.heartbeatMs ?? HEARTBEAT_MS;
  const answerWithinMs = Number(opts.config.query_timeout) || 5_000;
  const name = opts.name ?? 'stock-hub';
  const { Client } = await import('pg');
  let stopped = false;
  let current: InstanceType<typeof Client> | undefined;
  let wake: (() => void) | undefined;

  const loop = async () => {
    let attempt = 0;
    let listenedBefore = false;
    while (!stopped) {
      const client = new Client({ ...opts.config, keepAlive: true, connectionTimeoutMillis: 5_000, application_name: `comptoir-${name}` });
      const ended = new Promise<void>((resolve) => client.once('end', resolve));
      // A broken socket emits 'error' then 'end'; an 'error' without a listener would crash the process.
      client.on('error', (err) => {
        if (!stopped) console.error(`${name}: LISTEN connection lost: ${err.message}`);
      });
      try {
        await client.connect();
        const also = opts.alsoListen ?? {};
        // The backend's pid, which PostgreSQL puts on every NOTIFY: ours are the relay's (pg does not type it).
        const own = (client as unknown as { processID: number | null }).processID;
        client.on('notification', (m) => {
          if (m.channel === opts.channel) {
            if (!(opts.ignoreOwnNotifications && m.processId === own)) opts.onPayload(m.payload);
          } else also[m.channel]?.();
        });
        await client.query(`LISTEN ${opts.channel}`);
        for (const channel of Object.keys(also)) await client.query(`LISTEN ${channel}`);
        current = client;
        attempt = 0;
        opts.onListening(listenedBefore);
        listenedBefore = true;
        const beat = heartbeat(client, heartbeatMs, answerWithinMs, () => {
          if (!stopped) console.error(`${name}: LISTEN connection silent for ${answerWithinMs} ms; reconnecting`);
        });
        await ended;
        clearInterval(beat);
        current = undefined;
        if (!stopped) opts.onLost();
      } catch (err) {
        if (!stopped) console.error(`${name}: cannot LISTEN (${err instanceof Error ? err.message : String(err)}); retrying`);
        client.end().catch(() => {});
      }
      if (stopped) break;
      const delay = Math.min(BACKOFF_MS.max, BACKOFF_MS.first * 2 ** attempt++) * (0.5 + Math.random() / 2);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, delay).unref();
      });
    }
  };
  void loop();

  return {
    query: async <T>(text: string, params: unknown[]) => {
      if (!current) throw new Error('the LISTEN connection is not established');
      return (await current.query(text, params)).rows as T[];
    },
    stop: async () => {
      stopped = true;
      wake?.();
      await current?.end().catch(() => {});
    },
  };
}

/** Closes the client when a `SELECT 1` gets no answer in time (one beat at a time). */
function heartbeat(
  client: { query: (text: string) => Promise<unknown>; end: () => Promise<void> },
  everyMs: number,
  withinMs: number,
  onSilent: () => void,
): NodeJS.Timeout {
  let pending = false;
  const timer = setInterval(() => {
    if (pending) return;
    pending = true;
    const silent = setTimeout(() => {
      onSilent();
      // end() with a query on the wire destroys the socket: 'end' fires and the loop reconnects.
      client.end().catch(() => {});
    }, withinMs);
    client
      .query('SELECT 1')
      .then(
        () => clearTimeout(silent),
        () => {},
      )
      .finally(() => (pending = false));
  }, everyMs);
  timer.unref();
  return timer;
}
