import 'server-only';
import { purgeAnonymousCarts } from '@/lib/cart/commands';
import { expireDueReservations } from '@/lib/reservations/commands';
import { startJobs, type Job } from './schedule';

function seconds(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n * 1000 : fallback * 1000;
}

/** Drains every due reservation, a batch at a time, so a backlog clears in one tick. */
async function expireReservations(): Promise<number> {
  let total = 0;
  for (;;) {
    const { expired } = await expireDueReservations({ limit: 200 });
    total += expired;
    if (expired < 200) return total;
  }
}

/** Anonymous carts nobody can find again (their cookie has lapsed), a batch at a time. */
async function purgeCarts(): Promise<number> {
  let total = 0;
  for (;;) {
    const { purged } = await purgeAnonymousCarts({ limit: 500 });
    total += purged;
    if (purged < 500) return total;
  }
}

export const serverJobs: Job[] = [
  { name: 'expire-reservations', everyMs: seconds('RESERVATION_SWEEP_SECONDS', 30), run: expireReservations },
  { name: 'purge-anonymous-carts', everyMs: seconds('CART_SWEEP_SECONDS', 3600), run: purgeCarts },
];

type Holder = { started?: boolean };
const holder = ((globalThis as { __comptoirJobs?: Holder }).__comptoirJobs ??= {});

/** Called once per server process (instrumentation.ts); a dev reload does not start a second set. */
export function startServerJobs(): void {
  if (holder.started || process.env.COMPTOIR_JOBS === 'off') return;
  holder.started = true;
  startJobs(serverJobs);
}
