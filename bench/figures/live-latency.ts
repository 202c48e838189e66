import http from 'node:http';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openSse, type SseEvent } from '../../e2e/support/sse-client';
import { dropScratchDatabase, seededScratchDatabase } from '../lib/scratch-db';
import { emit, log, timed } from '../lib/report';
import { startServer } from '../lib/server';
import { percentile, round } from '../lib/stats';

const CONNECTIONS = Number(process.env.BENCH_LIVE_CONNECTIONS || 1_000);
const UPDATES = Number(process.env.BENCH_LIVE_UPDATES || 50);
const NAME = 'comptoir_bench_live';

/** The live figure's database, made and seeded (bench/run.ts starts this early, while the store builds). */
export async function prepareLiveLatency(): Promise<string> {
  return seededScratchDatabase(NAME, 'live');
}

/**
 * live_latency_p50_ms / _p95_ms: from the moment a stock UPDATE's COMMIT returns to the moment
 * each of 1,000 open product-page streams (/api/availability/stream, on one `next start` over
 * PostgreSQL) has the `stock` event. Every stream watches what a product page watches (one SKU in
 * my store, 5 nearby stores and the warehouse); all updates hit the same figure, the worst fan-out.
 * Client and server share the machine, so the client's own parsing of 1,000 streams is included.
 */
export async function measureLiveLatency(opts: { distDir: string; ensureBuild: () => Promise<void>; prepared?: Promise<string> }): Promise<void> {
  try {
    const [url] = await Promise.all([opts.prepared ?? prepareLiveLatency(), opts.ensureBuild()]);
    await measure(url, opts.distDir);
  } finally {
    await dropScratchDatabase(NAME, 'live');
  }
}

async function measure(url: string, distDir: string): Promise<void> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  // A product page's figures: a SKU stocked at a store (the one that changes) and 5 others.
  const target = (
    await db.query<{ location_id: number; sku_id: number }>(
      `SELECT st.location_id, st.sku_id FROM stock st JOIN stores s ON s.location_id = st.location_id ORDER BY st.sku_id, st.location_id LIMIT 1`,
    )
  ).rows[0]!;
  const others = (
    await db.query<{ id: number }>(`SELECT location_id AS id FROM stores WHERE location_id <> $1 ORDER BY location_id LIMIT 5`, [target.location_id])
  ).rows.map((r) => r.id);
  const query = `sku=${target.sku_id}&stores=${[target.location_id, ...others].join(',')}&warehouse=1`;

  const server = await startServer({ distDir, env: { DATABASE_URL: url }, readyPath: `/api/availability?${query}` });
  const agent = new http.Agent({ keepAlive: false, maxSockets: CONNECTIONS });
  // Arrival times of each update's event (keyed by the figure it announces), per stream.
  const arrivals = new Map<number, number[]>();
  const onEvent = (e: SseEvent) => {
    if (e.event !== 'stock') return;
    const { available } = JSON.parse(e.data) as { available: number };
    let list = arrivals.get(available);
    if (!list) arrivals.set(available, (list = []));
    list.push(e.at);
  };
  const streams: ReturnType<typeof openSse>[] = [];
  try {
    await timed(`live: opening ${CONNECTIONS} streams`, async () => {
      for (let i = 0; i < CONNECTIONS; i += 100) {
        const batch = Array.from({ length: Math.min(100, CONNECTIONS - i) }, () =>
          openSse(`${server.origin}/api/availability/stream?${query}`, { agent, onEvent }),
        );
        streams.push(...batch);
        await Promise.all(batch.map((s) => s.opened));
      }
    });

    const latencies: number[] = [];
    let missing = 0;
    for (let i = 0; i < UPDATES; i++) {
      const r = await db.query<{ available: number }>(
        'UPDATE stock SET on_hand = on_hand + 1 WHERE location_id = $1 AND sku_id = $2 RETURNING on_hand - reserved AS available',
        [target.location_id, target.sku_id],
      );
      const committed = performance.now(); // autocommit: the COMMIT has returned
      const available = r.rows[0]!.available;
      const deadline = committed + 5_000;
      while ((arrivals.get(available)?.length ?? 0) < CONNECTIONS && performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      const got = arrivals.get(available) ?? [];
      missing += CONNECTIONS - got.length;
      for (const at of got) latencies.push(at - committed);
      await new Promise((resolve) => setTimeout(resolve, 50)); // let the server idle between changes
    }
    log(
      `live: ${UPDATES} updates × ${CONNECTIONS} streams: ${latencies.length} events, ${missing} missing; ` +
        `p50 ${round(percentile(latencies, 50))} ms, p95 ${round(percentile(latencies, 95))} ms, ` +
        `p99 ${round(percentile(latencies, 99))} ms, max ${round(Math.max(...latencies))} ms`,
    );
    if (missing > 0) throw new Error(`${missing} events never arrived`);
    emit({ figure: 'live_latency_p50_ms', value: round(percentile(latencies, 50)), unit: 'ms', goal: `commit → ${CONNECTIONS} open streams` });
    emit({ figure: 'live_latency_p95_ms', value: round(percentile(latencies, 95)), unit: 'ms', goal: '≤ 100 ms' });
  } finally {
    for (const s of streams) s.close();
    agent.destroy();
    await db.end();
    await server.stop();
  }
}
