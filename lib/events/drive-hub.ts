import 'server-only';
import { getConnection } from '@/lib/db/client';
import { parseDriveNotification, type DriveEvent } from './drive-event';
import { createHub } from './hub';
import { listenSourceFor, type ListenSource } from './transport';

export { parseDriveNotification, type DriveEvent } from './drive-event';
export type { ListenSource } from './transport';

/**
 * What a drive screen hears. `onResync` follows a lost and re-established connection: nothing is
 * replayed, so the screen must re-read whatever changed in between.
 */
export type DriveListener = { onDrive: (event: DriveEvent) => void; onResync: () => void };

export type DriveHub = {
  /** Resolves once hearing is active, so a read after it misses no change. */
  subscribe: (storeId: number, listener: DriveListener) => Promise<() => void>;
  subscriberCount: () => number;
  close: () => Promise<void>;
};

export class DriveEventsUnavailableError extends Error {
  constructor() {
    super('Live drive updates are unavailable right now (no connection to hear them on).');
    this.name = 'DriveEventsUnavailableError';
  }
}

/**
 * The hub of the 'drive' channel (lib/events/hub.ts), by store. Unlike stock there is no outbox:
 * drive changes are rare (a few a minute per store), so the orders commands NOTIFY in their own
 * transaction (lib/events/drive-event.ts), and PostgreSQL delivers it at COMMIT (never for a
 * rolled-back change).
 */
export function createDriveHub(source: ListenSource | (() => Promise<ListenSource>)): DriveHub {
  const hub = createHub<DriveEvent>({
    channel: 'drive',
    name: 'drive-hub',
    parse: parseDriveNotification,
    keyOf: (e) => String(e.storeId),
    unavailable: () => new DriveEventsUnavailableError(),
    source,
  });
  return {
    subscribe: (storeId, listener) => hub.subscribe([String(storeId)], { onEvent: (e) => listener.onDrive(e), onResync: () => listener.onResync() }),
    subscriberCount: hub.subscriberCount,
    close: hub.close,
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
