import 'server-only';
import { getConnection } from '@/lib/db/client';
import { listenSourceFor, listenToChannel, type ChannelListener, type ListenSource } from '@/lib/events/transport';
import { expireThroughOwnServer } from './own-server';

/**
 * Every server process expires, in its own Next.js cache, the tags the database announces on
 * channel 'catalog' (migration 0019: a trigger on each catalogue and store table, so no writer can
 * forget). Next's cache lives in each process, so each process must hear every change: through the
 * live-events transport (lib/events/transport.ts: PGlite, PostgreSQL LISTEN, or Redis).
 *
 * Nothing may stay stale after a missed announcement: when hearing starts again after a loss (a
 * dropped LISTEN connection, a new Redis relay), the process expires everything catalogue-wide.
 */

/** What to expire: named tags, and/or everything catalogue-wide (a resync, a change too large to list). */
export type Expiry = { all: boolean; tags: string[] };
export type ExpireTags = (expiry: Expiry) => Promise<void>;

/** Tags per call: Next's revalidateTag scans a request's pending tags for each one it adds. */
export const MAX_TAGS_PER_CALL = 500;
const MAX_TAG_LENGTH = 256;
const RETRY_MS = { first: 100, max: 5_000 };
/**
 * Each announcement is expired again this long after it was heard. A page render that started
 * before the change (a background regeneration, a visit) read the old rows; if it finishes after
 * the expiry, Next.js keeps its result as fresh — measured: one product page in three kept the old
 * price when it was changed right after the page was first made (price_change_visible_ms). A render
 * is bounded by the database's statement timeout (5 s), so a second expiry after 10 s catches it.
 */
export const REPEAT_AFTER_MS = [2_000, 10_000];

export const isTag = (t: unknown): t is string => typeof t === 'string' && t.length > 0 && t.length <= MAX_TAG_LENGTH && t !== '*';

/** A NOTIFY's payload: a JSON array of tags, `["*"]` for everything; null when it is not one. */
export function parseCatalogAnnouncement(payload: string | undefined): Expiry | null {
  if (!payload) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(payload);
  } catch {
    return null;
  }
  if (!Array.isArray(raw)) return null;
  if (raw.includes('*')) return { all: true, tags: [] };
  const tags = raw.filter(isTag);
  return tags.length > 0 ? { all: false, tags } : null;
}

export type CatalogExpiry = {
  /** Resolves when every announcement heard so far has been expired (tests, the bench). */
  settled: () => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * Hears the catalog channel and expires what it announces. Announcements that arrive while a call
 * is running are gathered into the next one; a failed call is retried with backoff, its tags kept.
 */
export function createCatalogExpiry(
  source: ListenSource | (() => Promise<ListenSource>),
  expire: ExpireTags,
  { repeatAfterMs = REPEAT_AFTER_MS }: { repeatAfterMs?: number[] } = {},
): CatalogExpiry {
  let stopped = false;
  const repeats = new Set<ReturnType<typeof setTimeout>>();
  let all = false;
  const tags = new Set<string>();
  let draining: Promise<void> | undefined;
  let listener: ChannelListener | undefined;
  let failing = false;

  async function drain(): Promise<void> {
    let failures = 0;
    while (!stopped && (all || tags.size > 0)) {
      const batch: Expiry = { all, tags: [...tags].slice(0, MAX_TAGS_PER_CALL) };
      all = false;
      for (const t of batch.tags) tags.delete(t);
      try {
        await expire(batch);
        failures = 0;
        failing = false;
      } catch (err) {
        if (batch.all) all = true;
        for (const t of batch.tags) tags.add(t);
        if (!failing) console.error(`catalog-expiry: cannot expire cached pages (${err instanceof Error ? err.message : String(err)}); retrying`);
        failing = true;
        const delay = Math.min(RETRY_MS.max, RETRY_MS.first * 2 ** failures++);
        await new Promise((resolve) => setTimeout(resolve, delay).unref());
      }
    }
  }

  function note(expiry: Expiry): void {
    if (stopped) return;
    if (expiry.all) all = true;
    for (const t of expiry.tags) tags.add(t);
    draining ??= drain().finally(() => {
      draining = undefined;
      if (all || tags.size > 0) note({ all: false, tags: [] });
    });
  }

  /**
   * An announcement: expired now, and again later for the renders that were under way. A resync
   * (everything, when hearing starts again) is not repeated: it is no one change racing a render,
   * and repeated it would remake every page twice more after each reconnection.
   */
  function heard(expiry: Expiry): void {
    note(expiry);
    if (expiry.all) return;
    for (const ms of repeatAfterMs) {
      const timer = setTimeout(() => {
        repeats.delete(timer);
        note(expiry);
      }, ms);
      timer.unref?.();
      repeats.add(timer);
    }
  }

  const started = (async () => {
    for (let attempt = 0; !stopped; attempt++) {
      try {
        const resolved = typeof source === 'function' ? await source() : source;
        if (stopped) return;
        listener = await listenToChannel(
          resolved,
          'catalog',
          {
            onPayload: (payload) => {
              const expiry = parseCatalogAnnouncement(payload);
              if (expiry) heard(expiry);
            },
            // Announcements may have been missed while nobody listened: everything, then.
            onListening: (reconnected) => reconnected && heard({ all: true, tags: [] }),
            onLost: () => {},
          },
          'catalog-expiry',
        );
        return;
      } catch (err) {
        console.error(`catalog-expiry: cannot listen (${err instanceof Error ? err.message : String(err)}); retrying`);
        await new Promise((resolve) => setTimeout(resolve, Math.min(RETRY_MS.max, RETRY_MS.first * 2 ** attempt)).unref());
      }
    }
  })();

  return {
    async settled() {
      while (draining) await draining;
    },
    async stop() {
      stopped = true;
      for (const timer of repeats) clearTimeout(timer);
      repeats.clear();
      await started;
      await listener?.stop();
      await draining;
    },
  };
}

type Holder = { expiry?: CatalogExpiry };
// On globalThis so a dev-server module reload does not start a second listener.
const holder = ((globalThis as { __comptoirCatalogExpiry?: Holder }).__comptoirCatalogExpiry ??= {});

/** Called once per server process (instrumentation.ts): from then on, announcements expire pages here. */
export function startCatalogExpiry(): void {
  holder.expiry ??= createCatalogExpiry(async () => listenSourceFor(await getConnection()), expireThroughOwnServer);
}
