import 'server-only';

/**
 * Runs one statement and returns its rows: the embedded database, a dedicated PostgreSQL client,
 * or the pool. The relay needs nothing else.
 */
export type RunSql = <T>(text: string, params: unknown[]) => Promise<T[]>;

/** Changes taken per call; a full batch means more are waiting, so the relay calls again at once. */
export const RELAY_BATCH = 1_000;
/** Pause between calls when the outbox was drained: the most a change waits before its NOTIFY. */
export const RELAY_INTERVAL_MS = Number(process.env.STOCK_RELAY_INTERVAL_MS || 10);

/**
 * Announces the stock changes waiting in the outbox (lib/db/migrations/0004_stock_outbox.sql):
 * one NOTIFY on channel 'stock' per changed (store, SKU), in commit order. Returns how many
 * changes it took, or -1 when another process's relay holds the turn.
 */
export async function relayStockChanges(run: RunSql, limit = RELAY_BATCH): Promise<number> {
  const rows = await run<{ n: number }>('SELECT comptoir_relay_stock_changes($1) AS n', [limit]);
  return rows[0]?.n ?? 0;
}

export type StockRelay = { stop: () => Promise<void> };

/**
 * The relay loop of one process: drains the outbox, sleeps RELAY_INTERVAL_MS, again. Any number of
 * processes may run it (the database lets one at a time take a batch). A failure — the connection
 * is being re-established, the database restarts — is logged once and retried after a second.
 */
export function startStockRelay(run: RunSql, log: Pick<Console, 'error'> = console): StockRelay {
  let stopped = false;
  let wake: (() => void) | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      setTimeout(resolve, ms).unref();
    });

  const loop = (async () => {
    let failing = false;
    while (!stopped) {
      try {
        const taken = await relayStockChanges(run);
        if (failing) log.error('stock-relay: announcing stock changes again');
        failing = false;
        if (taken === RELAY_BATCH) continue;
        await sleep(RELAY_INTERVAL_MS);
      } catch (err) {
        if (stopped) break;
        if (!failing) log.error(`stock-relay: cannot announce stock changes (${err instanceof Error ? err.message : String(err)}); retrying every second`);
        failing = true;
        await sleep(1_000);
      }
    }
  })();

  return {
    stop: async () => {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
