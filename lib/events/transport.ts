import 'server-only';
import type { PGlite } from '@electric-sql/pglite';
import type { ClientConfig } from 'pg';
import { listenOnPostgres } from './pg-listener';
import { listenOnRedis } from './redis-transport';
import { startStockRelay, WAKE_CHANNEL, type StockRelay } from './stock-relay';

/**
 * The live-events interface of the hubs (stock-hub.ts, drive-hub.ts): a channel's messages, and
 * word of when hearing them starts, stops and starts again. Three transports:
 * - `pglite`: the embedded database's own LISTEN (one process, nothing to reconnect);
 * - `postgres` (the default on PostgreSQL): LISTEN/NOTIFY on the primary, one connection per hub
 *   per process, and each process with live pages relays the stock outbox by NOTIFY;
 * - `redis` (LIVE_EVENTS=redis): Redis pub/sub, for fleets where the primary's NOTIFY becomes the
 *   bottleneck. One process of the fleet at a time moves the outbox (and the rare drive NOTIFYs)
 *   from PostgreSQL to Redis; every process subscribes to Redis only.
 */
export type ListenSource =
  { kind: 'pglite'; client: PGlite } | { kind: 'postgres'; config: ClientConfig } | { kind: 'redis'; url: string; prefix: string; config: ClientConfig };

/**
 * `stock`: figures (the outbox's relay); `drive`: orders of a drive (lib/orders' NOTIFY);
 * `catalog`: cache tags a catalogue or store change touched (migration 0019's triggers).
 */
export type EventChannel = 'stock' | 'drive' | 'catalog';

export type ChannelHandlers = {
  onPayload: (payload: string | undefined) => void;
  /**
   * Hearing has (re)started. `reconnected` means messages may have been missed since the last
   * call (a lost connection, or another process took over the Redis relay): re-read from the database.
   */
  onListening: (reconnected: boolean) => void;
  onLost: () => void;
};

export type ChannelListener = { stop: () => Promise<void> };

/** Hears one channel through the source's transport; resolves once it is set up (not yet listening, maybe). */
export async function listenToChannel(
  source: ListenSource,
  channel: EventChannel,
  handlers: ChannelHandlers,
  name = `${channel}-hub`,
): Promise<ChannelListener> {
  if (source.kind === 'redis') {
    return listenOnRedis({ url: source.url, prefix: source.prefix, pgConfig: source.config, channel, handlers, name });
  }
  let relay: StockRelay | undefined;
  if (source.kind === 'pglite') {
    const client = source.client;
    const unlisten = await client.listen(channel, handlers.onPayload);
    let unlistenWake: (() => Promise<void>) | undefined;
    if (channel === 'stock') {
      unlistenWake = await client.listen(WAKE_CHANNEL, () => relay?.wake());
      relay = startStockRelay(async <T>(text: string, params: unknown[]) => (await client.query<T>(text, params)).rows, { woken: true });
    }
    handlers.onListening(false);
    return {
      stop: async () => {
        await relay?.stop();
        await unlistenWake?.();
        await unlisten();
      },
    };
  }
  let stopped = false;
  const listener = await listenOnPostgres({
    config: source.config,
    channel,
    name,
    onPayload: handlers.onPayload,
    // The stock relay sleeps while nothing changes; the outbox's NOTIFY on this connection wakes it.
    alsoListen: channel === 'stock' ? { [WAKE_CHANNEL]: () => relay?.wake() } : undefined,
    onListening: (reconnected) => {
      // The stock relay rides on the LISTEN connection, from the moment it listens: no pooled
      // connection is held, and it pauses while that connection is re-established (a new
      // connection: it drains what waited meanwhile, and takes its "polling" lock again).
      if (channel === 'stock' && !stopped) {
        relay ??= startStockRelay(listener.query, { woken: true });
        if (reconnected) relay.reconnected();
      }
      handlers.onListening(reconnected);
    },
    onLost: handlers.onLost,
  });
  return {
    stop: async () => {
      stopped = true;
      await relay?.stop();
      await listener.stop();
    },
  };
}

export type LiveEventsConfig = { transport: 'postgres' } | { transport: 'redis'; url: string; prefix?: string };

/** LIVE_EVENTS (postgres | redis) and REDIS_URL; lib/env.ts checks them when the server starts. */
export function liveEventsConfig(env: NodeJS.ProcessEnv = process.env): LiveEventsConfig {
  if ((env.LIVE_EVENTS || 'postgres') !== 'redis') return { transport: 'postgres' };
  return { transport: 'redis', url: env.REDIS_URL || 'redis://127.0.0.1:6379', prefix: env.REDIS_CHANNEL_PREFIX || undefined };
}

/** The database a pool points at, for the Redis channel prefix (two databases, one Redis: no cross-talk). */
function databaseName(config: ClientConfig): string {
  if (config.database) return config.database;
  try {
    return decodeURIComponent(new URL(config.connectionString ?? '').pathname.slice(1)) || 'postgres';
  } catch {
    return 'postgres';
  }
}

/** The source the process-wide hubs use, from the open connection and LIVE_EVENTS. */
export function listenSourceFor(
  connection: { kind: 'pglite'; client: PGlite } | { kind: 'postgres'; pool: { options: ClientConfig } },
  live: LiveEventsConfig = liveEventsConfig(),
): ListenSource {
  if (connection.kind === 'pglite') return { kind: 'pglite', client: connection.client };
  const config = connection.pool.options;
  if (live.transport === 'redis') return { kind: 'redis', url: live.url, prefix: live.prefix ?? `comptoir:${databaseName(config)}`, config };
  return { kind: 'postgres', config };
}
