import 'server-only';
import type { PGlite } from '@electric-sql/pglite';
import type { ClientConfig } from 'pg';
import { listenOnPostgres } from './pg-listener';
import { listenOnRedis } from './redis-transport';
import { startStockRelay, WAKE_CHANNEL, type StockRelay } from './stock-relay';

/**
 * The live-events interface of the hubs (lib/events/hub.ts): a channel's messages, and word of
 * when hearing them starts, stops and starts again. Three transports:
 * - `pglite`: the embedded database, one process: its relay hands the stock outbox straight to the
 *   process's stock hubs (nothing to NOTIFY); other channels through its own LISTEN;
 * - `postgres` (the default on PostgreSQL): LISTEN/NOTIFY on the primary, one connection per hub
 *   per process. Each process with live pages relays the stock outbox: it hands what it takes to
 *   its own hub and NOTIFYs it, in the same call, to the rest of the fleet;
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

/** The stock hubs on one embedded database (one in a server; several in a test), which its relays feed. */
const embeddedStock = new WeakMap<PGlite, Set<(payload: string) => void>>();

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
  if (source.kind === 'pglite') return channel === 'stock' ? relayEmbedded(source.client, handlers) : listenEmbedded(source.client, channel, handlers);
  let relay: StockRelay | undefined;
  let stopped = false;
  const listener = await listenOnPostgres({
    config: source.config,
    channel,
    name,
    onPayload: handlers.onPayload,
    // The relay on this connection hands its batches to this process directly (below); the NOTIFYs
    // it sends with them are for the fleet's other processes, not news here.
    ignoreOwnNotifications: channel === 'stock',
    // The stock relay sleeps while nothing changes; the outbox's NOTIFY on this connection wakes it.
    alsoListen: channel === 'stock' ? { [WAKE_CHANNEL]: () => relay?.wake() } : undefined,
    onListening: (reconnected) => {
      // The stock relay rides on the LISTEN connection, from the moment it listens: no pooled
      // connection is held, and it pauses while that connection is re-established (a new
      // connection: it drains what waited meanwhile, and takes its "polling" lock again).
      if (channel === 'stock' && !stopped) {
        relay ??= startStockRelay(listener.query, { woken: true, notify: true, publish: (payloads) => payloads.forEach(handlers.onPayload) });
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

async function listenEmbedded(client: PGlite, channel: EventChannel, handlers: ChannelHandlers): Promise<ChannelListener> {
  const unlisten = await client.listen(channel, handlers.onPayload);
  handlers.onListening(false);
  return { stop: unlisten };
}

/** The embedded database's stock: a relay (woken by the outbox) hands every batch to the process's stock hubs. */
async function relayEmbedded(client: PGlite, handlers: ChannelHandlers): Promise<ChannelListener> {
  let hubs = embeddedStock.get(client);
  if (!hubs) embeddedStock.set(client, (hubs = new Set()));
  const feed = hubs;
  const deliver = (payload: string) => handlers.onPayload(payload);
  feed.add(deliver);
  // Started awake (it drains what waited), so a wake-up before the LISTEN below is not missed.
  const relay = startStockRelay(async <T>(text: string, params: unknown[]) => (await client.query<T>(text, params)).rows, {
    woken: true,
    publish: (payloads) => {
      for (const hub of [...feed]) for (const payload of payloads) hub(payload);
    },
  });
  const unlistenWake = await client.listen(WAKE_CHANNEL, () => relay.wake());
  handlers.onListening(false);
  return {
    stop: async () => {
      feed.delete(deliver);
      await relay.stop();
      await unlistenWake();
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
