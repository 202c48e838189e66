import 'server-only';
import { getConnection } from '@/lib/db/client';
import { listenSourceFor, listenToChannel, type ListenSource } from './transport';

export type { ListenSource } from './transport';

/** An order of this store changed on the drive (placed → … → collected, or a shopper arrived). */
export type DriveEvent = { locationId: number; orderId: number };

/**
 * What a drive screen hears. `onResync` follows a lost and re-established LISTEN connection:
 * NOTIFY has no replay, so the screen must re-read whatever changed in between.
 */
export type DriveListener = { onDrive: (event: DriveEvent) => void; onResync: () => void };

export type DriveHub = {
  /** Resolves once LISTEN is active, so a read after it misses no change. */
  subscribe: (locationId: number, listener: DriveListener) => Promise<() => void>;
  subscriberCount: () => number;
  close: () => Promise<void>;
};

export class DriveEventsUnavailableError extends Error {
  constructor() {
    super('Live drive updates are unavailable right now (no LISTEN connection to the database).');
    this.name = 'DriveEventsUnavailableError';
  }
}

/** lib/orders sends `pg_notify('drive', '{"location":<store>,"order":<id>}')` inside its transactions. */
const CHANNEL = 'drive';
/** How long a new subscriber waits for a LISTEN connection before giving up (the screen then polls). */
const LISTEN_WAIT_MS = 5_000;

export function parseDriveNotification(payload: string | undefined): DriveEvent | null {
  if (!payload) return null;
  try {
    const raw = JSON.parse(payload) as { location?: unknown; order?: unknown };
    const locationId = Number(raw.location);
    const orderId = Number(raw.order);
    return Number.isSafeInteger(locationId) && Number.isSafeInteger(orderId) ? { locationId, orderId } : null;
  } catch {
    return null;
  }
}

/**
 * One LISTEN on 'drive' per process, fanned out in memory by store: a notification costs one map
 * lookup plus that store's open screens. Unlike stock there is no outbox: drive changes are rare
 * (a few a minute per store), so the orders commands NOTIFY in their own transaction, and
 * PostgreSQL delivers it at COMMIT (never for a rolled-back change).
 */
export function createDriveHub(source: ListenSource | (() => Promise<ListenSource>)): DriveHub {
  const byStore = new Map<number, Set<DriveListener>>();
  let listening = false;
  const waiters = new Set<() => void>();
  let started: Promise<void> | undefined;
  let stop: (() => Promise<void>) | undefined;
  let closed = false;

  function each(listeners: Iterable<DriveListener>, call: (l: DriveListener) => void): void {
    for (const listener of [...listeners]) {
      try {
        call(listener);
      } catch (err) {
        console.error('drive-hub: a subscriber failed', err);
      }
    }
  }

  function dispatch(payload: string | undefined): void {
    const event = parseDriveNotification(payload);
    const listeners = event && byStore.get(event.locationId);
    if (event && listeners) each(listeners, (l) => l.onDrive(event));
  }

  function onListening(reconnected: boolean): void {
    listening = true;
    for (const wake of waiters) wake();
    waiters.clear();
    if (reconnected) for (const set of [...byStore.values()]) each(set, (l) => l.onResync());
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
      timer = setTimeout(() => reject(new DriveEventsUnavailableError()), LISTEN_WAIT_MS);
    });
    try {
      await Promise.race([ready, timeout]);
    } finally {
      clearTimeout(timer);
      waiters.delete(wake);
    }
  }

  return {
    async subscribe(locationId, listener) {
      if (closed) throw new Error('drive-hub: closed');
      let set = byStore.get(locationId);
      if (!set) byStore.set(locationId, (set = new Set()));
      // A wrapper per subscription, so one listener subscribed twice is two subscriptions.
      const sub: DriveListener = { onDrive: (e) => listener.onDrive(e), onResync: () => listener.onResync() };
      set.add(sub);
      const unsubscribe = () => {
        const current = byStore.get(locationId);
        if (!current?.delete(sub)) return;
        if (current.size === 0) byStore.delete(locationId);
      };
      try {
        await whenListening();
      } catch (err) {
        unsubscribe();
        throw err;
      }
      return unsubscribe;
    },
    subscriberCount: () => [...byStore.values()].reduce((n, set) => n + set.size, 0),
    async close() {
      closed = true;
      byStore.clear();
      await started?.catch(() => {});
      await stop?.();
    },
  };
}

type Holder = { hub?: DriveHub };
// On globalThis so a dev-server module reload reuses the one LISTEN connection.
const holder = ((globalThis as { __comptoirDriveHub?: Holder }).__comptoirDriveHub ??= {});

/** The process-wide hub. It opens nothing until the first drive screen subscribes (never at build time). */
export function getDriveHub(): DriveHub {
  holder.hub ??= createDriveHub(async () => listenSourceFor(await getConnection()));
  return holder.hub;
}
