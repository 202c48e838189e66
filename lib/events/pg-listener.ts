import 'server-only';
import type { ClientConfig } from 'pg';

const BACKOFF_MS = { first: 250, max: 10_000 };

export type PgListener = {
  /** A statement on the LISTEN connection itself (the stock relay's); fails while it reconnects. */
  query: <T>(text: string, params: unknown[]) => Promise<T[]>;
  stop: () => Promise<void>;
};

/**
 * LISTEN on a dedicated client, not a pooled one: a pool recycles idle connections, and a
 * recycled LISTEN connection silently stops hearing. On loss it reconnects with capped, jittered
 * exponential backoff and reports each (re)established LISTEN, so the caller can resync.
 */
export async function listenOnPostgres(opts: {
  config: ClientConfig;
  channel: string;
  onPayload: (payload: string | undefined) => void;
  onListening: (reconnected: boolean) => void;
  onLost: () => void;
  /** Names the connection (application_name `comptoir-<name>`) and the log lines; 'stock-hub' by default. */
  name?: string;
}): Promise<PgListener> {
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
        client.on('notification', (m) => opts.onPayload(m.payload));
        await client.query(`LISTEN ${opts.channel}`);
        current = client;
        attempt = 0;
        opts.onListening(listenedBefore);
        listenedBefore = true;
        await ended;
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
