import 'server-only';

/**
 * Runs one statement and returns its rows: the embedded database, a dedicated PostgreSQL client,
 * or the pool. The relay needs nothing else.
 */
export type RunSql = <T>(text: string, params: unknown[]) => Promise<T[]>;

/** Changes taken per call; a full batch means more are waiting, so the relay calls again at once. */
export const RELAY_BATCH = 1_000;
/** Pause between calls while changes keep coming: the most a change waits for its relay under load. */
export const RELAY_INTERVAL_MS = Number(process.env.STOCK_RELAY_INTERVAL_MS || 10);
/** How long a relay keeps polling after the last change it saw before it sleeps until woken. */
export const RELAY_IDLE_AFTER_MS = Number(process.env.STOCK_RELAY_IDLE_AFTER_MS || 1_000);
/** While asleep, the relay still looks every so often: a wake-up can be missed (see RELAY_GRACE_MS). */
export const RELAY_SWEEP_MS = Number(process.env.STOCK_RELAY_SWEEP_MS || 5_000);
/**
 * After it stops saying it polls, a relay polls this much longer: a writer that saw it polling (and
 * so sent no wake-up) but commits just after is still caught; a longer transaction waits for the sweep.
 */
const RELAY_GRACE_MS = 100;
/** The channel the outbox's trigger wakes sleeping relays on (lib/db/migrations/0020_stock_outbox_wake.sql). */
export const WAKE_CHANNEL = 'stock_outbox';

/**
 * Where a relay's batch goes. `publish`: this process's subscribers (or Redis), handed the payloads
 * directly; `notify`: the database also NOTIFYs them on channel 'stock', in the same call, for the
 * fleet's other processes LISTENing on PostgreSQL. Neither: the batch is only drained.
 */
export type RelayTarget = { publish?: (payloads: string[]) => void | Promise<void>; notify?: boolean };

/**
 * Takes the stock changes waiting in the outbox (lib/db/migrations/0004_stock_outbox.sql) — the
 * latest of each changed (store, SKU), in commit order — and hands them to `to` (0023). Returns how
 * many changes it took, or -1 when another process's relay holds the turn.
 */
export async function relayStockChanges(run: RunSql, limit = RELAY_BATCH, to: RelayTarget = {}): Promise<number> {
  const rows = await run<{ taken: number; payload: string | null }>('SELECT taken, payload FROM comptoir_take_stock_changes($1, $2)', [
    limit,
    to.notify ?? false,
  ]);
  const taken = rows[0]?.taken ?? 0;
  if (taken > 0 && to.publish) await to.publish(rows.map((r) => r.payload!));
  return taken;
}

export type RelayPacer = {
  /** Waits as long as the relay should after a call that took `taken` changes (-1: another relay's turn). */
  after: (taken: number) => Promise<void>;
  /** A wake-up: a NOTIFY on WAKE_CHANNEL, or a re-established connection. */
  wake: () => void;
  /** The connection failed: whatever it held is unknown; the next call starts awake again. */
  reset: () => void;
  stop: () => void;
};

export type RelayPace = { intervalMs?: number; idleAfterMs?: number; sweepMs?: number };

/**
 * When a relay calls again. Awake, it polls every RELAY_INTERVAL_MS and holds the shared lock that
 * tells writers not to send wake-ups (0020); after RELAY_IDLE_AFTER_MS without a change it releases
 * it, polls RELAY_GRACE_MS longer, then sleeps until a wake-up or the next sweep. `run` must be the
 * relay's own session (the lock is a session's); without `woken` (nobody LISTENs to WAKE_CHANNEL for
 * it) the relay never sleeps and takes no lock: it polls as it always did.
 */
export function createRelayPacer(run: RunSql, opts: RelayPace & { woken: boolean }): RelayPacer {
  const intervalMs = opts.intervalMs ?? RELAY_INTERVAL_MS;
  const idleAfterMs = opts.idleAfterMs ?? RELAY_IDLE_AFTER_MS;
  const sweepMs = opts.sweepMs ?? RELAY_SWEEP_MS;
  let state: 'waking' | 'awake' | 'grace' | 'asleep' = 'waking';
  let held = false; // the shared lock, as far as this relay knows
  let since = Date.now(); // of the last change seen (awake) or of the release (grace)
  let woken = false;
  let stopped = false;
  let interrupt: (() => void) | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken || stopped) return resolve();
      const timer = setTimeout(done, ms);
      timer.unref();
      function done() {
        clearTimeout(timer);
        interrupt = undefined;
        resolve();
      }
      interrupt = done;
    });
  const awake = async (on: boolean) => {
    held = (await run<{ held: boolean }>('SELECT comptoir_stock_relay_awake($1) AS held', [on]))[0]?.held ?? false;
  };

  return {
    async after(taken) {
      if (taken === RELAY_BATCH || stopped) return;
      if (!opts.woken) return sleep(intervalMs);
      const now = Date.now();
      const wasWoken = woken;
      woken = false;
      if (taken > 0 || wasWoken || state === 'waking') {
        // Woken while awake: we do not hold the lock (a writer did when we asked): ask again.
        if (state !== 'awake' || (wasWoken && !held)) await awake(true);
        state = 'awake';
        since = now;
      } else if (state === 'awake' && now - since >= idleAfterMs) {
        await awake(false);
        state = 'grace';
        since = now;
      } else if (state === 'grace' && now - since >= RELAY_GRACE_MS) {
        state = 'asleep';
      }
      return sleep(state === 'asleep' ? sweepMs : intervalMs);
    },
    wake() {
      woken = true;
      interrupt?.();
    },
    reset() {
      state = 'waking';
      held = false;
    },
    stop() {
      stopped = true;
      interrupt?.();
    },
  };
}

export type StockRelay = {
  stop: () => Promise<void>;
  /** A NOTIFY on WAKE_CHANNEL. */
  wake: () => void;
  /** `run`'s session was replaced (its lock went with the old one): drain what waited, start over awake. */
  reconnected: () => void;
};

/**
 * The relay loop of one process: drains the outbox into `to` (see RelayTarget), then waits as its
 * pacer says (polling while changes come, asleep until woken when they stop), again. Any number of
 * processes may run it (the database lets one at a time take a batch). `woken`: the caller LISTENs
 * to WAKE_CHANNEL on `run`'s session and calls wake() on each NOTIFY. A failure — the connection is
 * being re-established, the database restarts — is logged once and retried after a second.
 */
export function startStockRelay(run: RunSql, opts: RelayTarget & { woken?: boolean; pace?: RelayPace; log?: Pick<Console, 'error'> } = {}): StockRelay {
  const log = opts.log ?? console;
  const pacer = createRelayPacer(run, { ...opts.pace, woken: opts.woken ?? false });
  let stopped = false;
  let wakeRetry: (() => void) | undefined;

  const loop = (async () => {
    let failing = false;
    while (!stopped) {
      try {
        const taken = await relayStockChanges(run, RELAY_BATCH, opts);
        if (failing) log.error('stock-relay: announcing stock changes again');
        failing = false;
        await pacer.after(taken);
      } catch (err) {
        if (stopped) break;
        if (!failing) log.error(`stock-relay: cannot announce stock changes (${err instanceof Error ? err.message : String(err)}); retrying every second`);
        failing = true;
        pacer.reset();
        await new Promise<void>((resolve) => {
          wakeRetry = resolve;
          setTimeout(resolve, 1_000).unref();
        });
      }
    }
  })();

  return {
    wake: () => pacer.wake(),
    reconnected: () => {
      pacer.reset();
      pacer.wake();
    },
    stop: async () => {
      stopped = true;
      pacer.stop();
      wakeRetry?.();
      await loop;
    },
  };
}
