/**
 * The outbox wake-up's cost to writers (migration 0020), on PostgreSQL: stock-changing commits per second
 * from 32 connections (BEGIN; UPDATE stock; COMMIT), in rounds of 3 s alternating the trigger as
 * written (a NOTIFY only when it can take the advisory lock 7423003: no relay polling, no other
 * commit carrying one), no trigger, and a NOTIFY in every commit. No relay runs. Any database
 * with the demo seed, never a live one (it rewrites the trigger for a while and bumps stock figures):
 *   npx tsx bench/experiments/outbox-wake.ts postgres://postgres@127.0.0.1:5432/<db>
 */
import pg from 'pg';
const url = process.argv[2]!;
const CLIENTS = 32;
const ROUND_MS = 3_000;
const ROUNDS = 5;
async function main() {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const rows = (await admin.query<{ l: number; s: number }>('SELECT location_id AS l, sku_id AS s FROM stock ORDER BY random() LIMIT 5000')).rows;
  const listener = new pg.Client({ connectionString: url });
  await listener.connect();
  let wakes = 0;
  listener.on('notification', () => wakes++);
  await listener.query('LISTEN stock_outbox');
  const clients = await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
  let i = 0;
  const results: Record<string, number[]> = { on: [], off: [], always: [] };
  const gated = (await admin.query<{ src: string }>(`SELECT prosrc AS src FROM pg_proc WHERE proname = 'comptoir_wake_stock_relay'`)).rows[0]!.src;
  const setBody = (body: string) => admin.query(`CREATE OR REPLACE FUNCTION comptoir_wake_stock_relay() RETURNS trigger AS $f$${body}$f$ LANGUAGE plpgsql`);
  const modes = ['on', 'off', 'always'] as const;
  for (let r = 0; r < ROUNDS * 3; r++) {
    const mode = modes[r % 3]!;
    await setBody(mode === 'always' ? `BEGIN PERFORM pg_notify('stock_outbox', ''); RETURN NULL; END;` : gated);
    await admin.query(`ALTER TABLE stock_changes ${mode !== 'off' ? 'ENABLE' : 'DISABLE'} TRIGGER stock_changes_wake_relay`);
    await admin.query('TRUNCATE stock_changes');
    const end = performance.now() + ROUND_MS;
    let commits = 0;
    const w0 = wakes;
    await Promise.all(
      clients.map(async (c) => {
        while (performance.now() < end) {
          const row = rows[i++ % rows.length]!;
          await c.query('BEGIN');
          await c.query('UPDATE stock SET on_hand = on_hand + 1 WHERE location_id = $1 AND sku_id = $2', [row.l, row.s]);
          await c.query('COMMIT');
          commits++;
        }
      }),
    );
    results[mode]!.push(commits / (ROUND_MS / 1000));
    console.log(
      `${mode}: ${(commits / (ROUND_MS / 1000)).toFixed(0)} commits/s, ${wakes - w0} wake-ups (${(((wakes - w0) / commits) * 100).toFixed(1)} % of commits)`,
    );
  }
  await setBody(gated);
  await admin.query('ALTER TABLE stock_changes ENABLE TRIGGER stock_changes_wake_relay');
  await admin.query('TRUNCATE stock_changes');
  const med = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
  console.log(
    `median: gated (0020) ${med(results.on!).toFixed(0)}/s, no trigger ${med(results.off!).toFixed(0)}/s, a NOTIFY in every commit ${med(results.always!).toFixed(0)}/s`,
  );
  await Promise.all([...clients, listener, admin].map((c) => c.end()));
}
main().catch((err) => {
  console.error(err);
  process.exit(1);
});
