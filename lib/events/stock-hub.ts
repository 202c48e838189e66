import 'server-only';
import { getConnection } from '@/lib/db/client';
import { listenSourceFor, listenToChannel, type ListenSource } from './transport';
import { parseStockNotification, stockKey, type StockEvent, type StockKey } from './stock-event';

export type { StockEvent, StockKey } from './stock-event';

/**
 * What a subscriber hears. `onResync` follows a lost and re-established LISTEN connection: NOTIFY
 * has no replay, so whatever changed in between must be read again from the database.
 */
export type StockListener = { onStock: (event: StockEvent) => void; onResync: () => void };

export type StockHub = {
  /** Resolves once LISTEN is active, so a snapshot read after it misses no change. */
  subscribe: (keys: StockKey[], listener: StockListener) => Promise<() => void>;
  subscriberCount: () => number;
  close: () => Promise<void>;
};

export type { ListenSource } from './transport';

export class StockEventsUnavailableError extends Error {
  constructor() {
    super('Live stock updates are unavailable right now (no LISTEN connection to the database).');
    this.name = 'StockEventsUnavailableError';
  }
}

const CHANNEL = 'stock';
/** How long a new subscriber waits for a LISTEN connection before giving up (the client then polls). */
const LISTEN_WAIT_MS = 5_000;

type Subscriber = { keys: string[]; listener: StockListener };

/**
 * One subscription per process (LISTEN, or Redis: lib/events/transport.ts), fanned out in memory.
 * Writers do not NOTIFY themselves: their changes wait in an outbox that a relay announces
 * (lib/events/stock-relay.ts, or the Redis relay). Subscribers are indexed by (location, SKU), so a
 * notification costs one map lookup plus its own interested subscribers, however many others
 * there are (a busy product page has hundreds of open streams, each watching ~7 locations).
 */
export function createStockHub(source: ListenSource | (() => Promise<ListenSource>)): StockHub {
  const byKey = new Map<string, Set<Subscriber>>();
  const all = new Set<Subscriber>();
  let listening = false;
  const waiters = new Set<() => void>();
  let started: Promise<void> | undefined;
  let stop: (() => Promise<void>) | undefined;
  let closed = false;

  function each(subs: Iterable<Subscriber>, call: (l: StockListener) => void): void {
    for (const sub of subs) {
      try {
        call(sub.listener);
      } catch (err) {
        console.error('stock-hub: a subscriber failed', err);
      }
    }
  }

  function dispatch(payload: string | undefined): void {
    const event = parseStockNotification(payload);
    const subs = event && byKey.get(stockKey(event));
    if (event && subs) each(subs, (l) => l.onStock(event));
  }

  function onListening(reconnected: boolean): void {
    listening = true;
    for (const wake of waiters) wake();
    waiters.clear();
    if (reconnected) each([...all], (l) => l.onResync());
  }

  async function start(): Promise<void> {
    const resolved = typeof source === 'function' ? await source() : source;
    if (closed) return;
    const listener = await listenToChannel(resolved, CHANNEL, {
      onPayload: dispatch,
      onListening,
      onLost: () => (listening = false),
    });
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
      timer = setTimeout(() => reject(new StockEventsUnavailableError()), LISTEN_WAIT_MS);
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
      if (closed) throw new Error('stock-hub: closed');
      const sub: Subscriber = { keys: [...new Set(keys.map(stockKey))], listener };
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

type Holder = { hub?: StockHub };
// On globalThis so a dev-server module reload reuses the one LISTEN connection.
const holder = ((globalThis as { __comptoirStockHub?: Holder }).__comptoirStockHub ??= {});

/** The process-wide hub. It opens nothing until the first subscriber arrives (never at build time). */
export function getStockHub(): StockHub {
  holder.hub ??= createStockHub(async () => listenSourceFor(await getConnection()));
  return holder.hub;
}
