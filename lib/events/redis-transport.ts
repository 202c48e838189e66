import 'server-only';
import type { Redis as RedisClient } from 'ioredis';
import type { ClientConfig } from 'pg';
import { createRelayPacer, relayStockChanges, WAKE_CHANNEL, type RelayPacer } from './stock-relay';
import type { ChannelHandlers, ChannelListener, EventChannel } from './transport';

/**
 * Live events through Redis pub/sub (LIVE_EVENTS=redis). Why: on PostgreSQL every process holds a
 * LISTEN connection per hub and relays the stock outbox by NOTIFY, and NOTIFY takes one lock of
 * the whole primary at each commit. Here one process of the fleet at a time — the "Redis relay",
 * chosen by a session advisory lock — moves the stock outbox (comptoir_take_stock_changes,
 * migration 0023) and the NOTIFYs of the drive and catalog channels to Redis; every process
 * subscribes to Redis.
 *
 * Nothing is lost without word: while Redis is down the relay leaves the outbox alone (it waits
 * there), and whenever announcements may have been missed — a new relay took over, Redis dropped
 * a publish — the relay publishes RESYNC on every channel: every page re-reads its snapshot, and
 * every process expires its cached catalogue.
 */

/** A message telling subscribers to re-read from the database (never a valid stock or drive payload). */
export const RESYNC = 'resync';
/** The advisory lock the Redis relay holds for as long as it is the fleet's relay. */
const RELAY_LOCK = 7423002;
const BATCH = 1_000;
/** How often a process that is not the relay asks whether it may take over. */
const FOLLOWER_RETRY_MS = 1_000;

export function redisChannel(prefix: string, channel: EventChannel): string {
  return `${prefix}:${channel}`;
}

function reconnectDelay(times: number): number {
  return Math.min(10_000, 250 * 2 ** Math.min(times, 6)) * (0.5 + Math.random() / 2);
}

async function newRedis(url: string, name: string, subscriber: boolean): Promise<RedisClient> {
  const { Redis } = await import('ioredis');
  return new Redis(url, {
    connectionName: `comptoir-${name}`,
    retryStrategy: reconnectDelay,
    // The subscriber re-subscribes itself on 'ready', so it knows when hearing starts again.
    autoResubscribe: false,
    // A publish while Redis is away fails at once (the relay then waits) instead of queueing.
    enableOfflineQueue: subscriber,
    maxRetriesPerRequest: subscriber ? null : 0,
  });
}

/** Logs a failure once until things work again (a reconnect loop must not flood the log). */
function onceLogger(name: string) {
  let failing = false;
  return {
    fail(what: string, err: unknown) {
      if (!failing) console.error(`${name}: ${what} (${err instanceof Error ? err.message : String(err)}); retrying`);
      failing = true;
    },
    ok() {
      failing = false;
    },
  };
}

const sleep = (ms: number, wake: { fn?: () => void }) =>
  new Promise<void>((resolve) => {
    wake.fn = resolve;
    setTimeout(resolve, ms).unref();
  });

/**
 * The relay loop of one process: wait for the advisory lock; while holding it, drain the stock
 * outbox into Redis and forward the drive channel. Another process takes over within a second of
 * this one's death (PostgreSQL frees a session lock when its connection goes).
 */
export function startRedisRelay(opts: { url: string; prefix: string; pgConfig: ClientConfig }): { stop: () => Promise<void>; isRelay: () => boolean } {
  let stopped = false;
  let relaying = false;
  const wake: { fn?: () => void } = {};
  const log = onceLogger('redis-relay');
  const stockChannel = redisChannel(opts.prefix, 'stock');
  // Channels whose NOTIFYs (rare: a drive order, a catalogue change) are forwarded as they come.
  const forwarded = new Map<string, string>([
    ['drive', redisChannel(opts.prefix, 'drive')],
    ['catalog', redisChannel(opts.prefix, 'catalog')],
  ]);
  let publisher: RedisClient | undefined;
  let current: { end: () => Promise<void> } | undefined;
  let pacer: RelayPacer | undefined;

  const loop = (async () => {
    const { Client } = await import('pg');
    publisher = await newRedis(opts.url, 'redis-relay', false);
    publisher.on('error', (err) => log.fail('Redis connection lost', err));
    let attempt = 0;
    while (!stopped) {
      const client = new Client({ ...opts.pgConfig, keepAlive: true, connectionTimeoutMillis: 5_000, application_name: 'comptoir-redis-relay' });
      client.on('error', (err) => log.fail('PostgreSQL connection lost', err));
      current = client;
      let missed = true; // a new relay cannot know what its predecessor failed to publish
      try {
        await client.connect();
        attempt = 0;
        // A follower asks again on the same connection (a new one every second cost the database a
        // backend start each time, in every process of the fleet).
        const tryLock = async () => (await client.query<{ taken: boolean }>('SELECT pg_try_advisory_lock($1) AS taken', [RELAY_LOCK])).rows[0]?.taken === true;
        while (!(await tryLock())) {
          await sleep(FOLLOWER_RETRY_MS * (0.75 + Math.random() / 2), wake);
          if (stopped) return;
        }
        relaying = true;
        const pub = publisher;
        // Polls the outbox while changes come, sleeps until the outbox's NOTIFY when they stop (0020).
        const run = async <T>(text: string, params: unknown[]) => (await client.query(text, params)).rows as T[];
        const pace = (pacer = createRelayPacer(run, { woken: true }));
        client.on('notification', (m) => {
          if (m.channel === WAKE_CHANNEL) return pace.wake();
          const to = forwarded.get(m.channel);
          if (!to || m.payload === undefined) return;
          pub.publish(to, m.payload).catch(() => (missed = true));
        });
        await client.query('LISTEN drive');
        await client.query('LISTEN catalog');
        await client.query(`LISTEN ${WAKE_CHANNEL}`);
        while (!stopped) {
          if (pub.status !== 'ready') {
            // The outbox keeps the changes meanwhile; drive and catalog NOTIFYs in between are lost: resync.
            missed = true;
            await sleep(250, wake);
            continue;
          }
          if (missed) {
            const resync = pub.pipeline().publish(stockChannel, RESYNC);
            for (const to of forwarded.values()) resync.publish(to, RESYNC);
            await resync.exec();
            missed = false;
          }
          // The same batch as the NOTIFY relay's (0023), published here instead: no NOTIFY on the primary.
          const taken = await relayStockChanges(run, BATCH, {
            publish: async (payloads) => {
              const batch = pub.pipeline();
              for (const payload of payloads) batch.publish(stockChannel, payload);
              const results = (await batch.exec()) ?? [];
              if (results.some(([err]) => err)) missed = true;
            },
          });
          log.ok();
          await pace.after(taken);
        }
      } catch (err) {
        if (!stopped) log.fail('cannot relay live events to Redis', err);
      } finally {
        relaying = false;
        current = undefined;
        pacer = undefined;
        await client.end().catch(() => {});
      }
      if (!stopped) await sleep(Math.min(10_000, 250 * 2 ** attempt++), wake);
    }
  })();

  return {
    isRelay: () => relaying,
    stop: async () => {
      stopped = true;
      wake.fn?.();
      pacer?.stop();
      await current?.end().catch(() => {});
      await loop.catch(() => {});
      publisher?.disconnect();
    },
  };
}

type Shared = { users: number; relay: ReturnType<typeof startRedisRelay> };
// On globalThis so a dev-server module reload shares the one relay loop of the process.
const relays = ((globalThis as { __comptoirRedisRelays?: Map<string, Shared> }).__comptoirRedisRelays ??= new Map());

/** The process's relay loop for this Redis and prefix, started by the first subscriber and stopped after the last. */
function acquireRelay(opts: { url: string; prefix: string; pgConfig: ClientConfig }): () => Promise<void> {
  const key = `${opts.url} ${opts.prefix}`;
  let shared = relays.get(key);
  if (!shared) relays.set(key, (shared = { users: 0, relay: startRedisRelay(opts) }));
  shared.users++;
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    if (--shared.users > 0) return;
    relays.delete(key);
    await shared.relay.stop();
  };
}

/**
 * Subscribes to one channel on Redis. Every process with live pages also takes part in choosing
 * the fleet's relay, so there is one as long as any process has a listener.
 */
export async function listenOnRedis(opts: {
  url: string;
  prefix: string;
  pgConfig: ClientConfig;
  channel: EventChannel;
  handlers: ChannelHandlers;
  name: string;
}): Promise<ChannelListener> {
  const { handlers } = opts;
  const channel = redisChannel(opts.prefix, opts.channel);
  const log = onceLogger(opts.name);
  const sub = await newRedis(opts.url, opts.name, true);
  let stopped = false;
  let listening = false;
  let listenedBefore = false;
  sub.on('error', (err) => {
    if (!stopped) log.fail('Redis connection lost', err);
  });
  sub.on('ready', () => {
    sub.subscribe(channel).then(
      () => {
        if (stopped) return;
        log.ok();
        listening = true;
        handlers.onListening(listenedBefore);
        listenedBefore = true;
      },
      (err: unknown) => log.fail('cannot subscribe', err),
    );
  });
  sub.on('close', () => {
    if (!listening) return;
    listening = false;
    if (!stopped) handlers.onLost();
  });
  sub.on('message', (ch: string, message: string) => {
    if (ch !== channel) return;
    if (message === RESYNC) handlers.onListening(true);
    else handlers.onPayload(message);
  });
  const releaseRelay = acquireRelay({ url: opts.url, prefix: opts.prefix, pgConfig: opts.pgConfig });
  return {
    stop: async () => {
      stopped = true;
      sub.disconnect();
      await releaseRelay();
    },
  };
}
