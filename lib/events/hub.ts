import 'server-only';
import { listenToChannel, type EventChannel, type ListenSource } from './transport';

export type { ListenSource } from './transport';

/**
 * What a subscriber hears: an event for one of its keys, or `onResync` after hearing was lost and
 * re-established (NOTIFY and Redis pub/sub have no replay: whatever changed in between must be
 * read again from the database).
 */
export type HubListener<E> = { onEvent: (event: E) => void; onResync: () => void };

export type Hub<E> = {
  /** Resolves once hearing is active, so a snapshot read after it misses no change. */
  subscribe: (keys: string[], listener: HubListener<E>) => Promise<() => void>;
  subscriberCount: () => number;
  close: () => Promise<void>;
};

export type HubOptions<E> = {
  channel: EventChannel;
  /** The log's and the connection's name ('stock-hub'). */
  name: string;
  /** The channel's payload as an event, or null for anything else (a hand-made NOTIFY must not crash the hub). */
  parse: (payload: string | undefined) => E | null;
  /** The key an event is for: subscribers are indexed by it. */
  keyOf: (event: E) => string;
  /** The error a subscriber gets when no connection listens within LISTEN_WAIT_MS. */
  unavailable: () => Error;
  /** The source, or how to open it: resolved at the first subscriber, never at build time. */
  source: ListenSource | (() => Promise<ListenSource>);
};

/** How long a new subscriber waits for a listening connection before giving up (the page then polls). */
const LISTEN_WAIT_MS = 5_000;

type Subscriber<E> = { keys: string[]; listener: HubListener<E> };

/**
 * One subscription to a channel per process (lib/events/transport.ts: LISTEN, or Redis), fanned
 * out in memory. Subscribers are indexed by key, so an event costs one map lookup plus its own
 * interested subscribers, however many others there are (a busy product page has hundreds of
 * open streams, each watching ~7 figures). The stock and drive hubs are this, with their own keys.
 */
export function createHub<E>(opts: HubOptions<E>): Hub<E> {
  const byKey = new Map<string, Set<Subscriber<E>>>();
  const all = new Set<Subscriber<E>>();
  let listening = false;
  const waiters = new Set<() => void>();
  let started: Promise<void> | undefined;
  let stop: (() => Promise<void>) | undefined;
  let closed = false;

  function each(subs: Iterable<Subscriber<E>>, call: (l: HubListener<E>) => void): void {
    for (const sub of [...subs]) {
      try {
        call(sub.listener);
      } catch (err) {
        console.error(`${opts.name}: a subscriber failed`, err);
      }
    }
  }

  function publish(event: E): void {
    const subs = byKey.get(opts.keyOf(event));
    if (subs) each(subs, (l) => l.onEvent(event));
  }

  function onListening(reconnected: boolean): void {
    listening = true;
    for (const wake of waiters) wake();
    waiters.clear();
    if (reconnected) each(all, (l) => l.onResync());
  }

  async function start(): Promise<void> {
    const resolved = typeof opts.source === 'function' ? await opts.source() : opts.source;
    if (closed) return;
    const listener = await listenToChannel(
      resolved,
      opts.channel,
      {
        onPayload: (payload) => {
          const event = opts.parse(payload);
          if (event) publish(event);
        },
        onListening,
        onLost: () => (listening = false),
      },
      opts.name,
    );
    stop = listener.stop;
  }

  async function whenListening(): Promise<void> {
    started ??= start().catch((err) => {
      started = undefined; // the next subscriber tries again
      throw err;
    });
    await started;
    if (listening) return;
    let wake!: () => void;
    const ready = new Promise<void>((resolve) => waiters.add((wake = resolve)));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(opts.unavailable()), LISTEN_WAIT_MS);
    });
    try {
      await Promise.race([ready, timeout]);
    } finally {
      clearTimeout(timer);
      waiters.delete(wake);
    }
  }

  return {
    async subscribe(keys, listener) {
      if (closed) throw new Error(`${opts.name}: closed`);
      // A subscriber per call, so one listener subscribed twice is two subscriptions.
      const sub: Subscriber<E> = { keys: [...new Set(keys)], listener };
      all.add(sub);
      for (const key of sub.keys) {
        let set = byKey.get(key);
        if (!set) byKey.set(key, (set = new Set()));
        set.add(sub);
      }
      const unsubscribe = () => {
        if (!all.delete(sub)) return;
        for (const key of sub.keys) {
          const set = byKey.get(key);
          set?.delete(sub);
          if (set?.size === 0) byKey.delete(key);
        }
      };
      try {
        await whenListening();
      } catch (err) {
        unsubscribe();
        throw err;
      }
      return unsubscribe;
    },
    subscriberCount: () => all.size,
    async close() {
      closed = true;
      all.clear();
      byKey.clear();
      await started?.catch(() => {});
      await stop?.();
    },
  };
}
