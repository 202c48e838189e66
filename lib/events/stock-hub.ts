import 'server-only';
import { getConnection } from '@/lib/db/client';
import { createHub } from './hub';
import { listenSourceFor, type ListenSource } from './transport';
import { parseStockNotification, stockKey, type StockEvent, type StockKey } from './stock-event';

export type { StockEvent, StockKey } from './stock-event';
export type { ListenSource } from './transport';

/**
 * What a subscriber hears. `onResync` follows a lost and re-established connection: nothing is
 * replayed, so whatever changed in between must be read again from the database.
 */
export type StockListener = { onStock: (event: StockEvent) => void; onResync: () => void };

export type StockHub = {
  /** Resolves once hearing is active, so a snapshot read after it misses no change. */
  subscribe: (keys: StockKey[], listener: StockListener) => Promise<() => void>;
  subscriberCount: () => number;
  close: () => Promise<void>;
};

export class StockEventsUnavailableError extends Error {
  constructor() {
    super('Live stock updates are unavailable right now (no connection to hear them on).');
    this.name = 'StockEventsUnavailableError';
  }
}

/**
 * The hub of the 'stock' channel (lib/events/hub.ts), by (store, SKU). Writers announce nothing
 * themselves: their changes wait in an outbox that a relay takes and publishes
 * (lib/events/stock-relay.ts; transport.ts says where to).
 */
export function createStockHub(source: ListenSource | (() => Promise<ListenSource>)): StockHub {
  const hub = createHub<StockEvent>({
    channel: 'stock',
    name: 'stock-hub',
    parse: parseStockNotification,
    keyOf: stockKey,
    unavailable: () => new StockEventsUnavailableError(),
    source,
  });
  return {
    subscribe: (keys, listener) => hub.subscribe(keys.map(stockKey), { onEvent: (e) => listener.onStock(e), onResync: () => listener.onResync() }),
    subscriberCount: hub.subscriberCount,
    close: hub.close,
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
