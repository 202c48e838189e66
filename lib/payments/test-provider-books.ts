import 'server-only';
import { sql } from 'drizzle-orm';
import { transaction } from '@/lib/db/client';
import type { IdempotentEntry } from './memory';
import type { TestPayment, TestProviderBooks, TestProviderStore } from './test-provider';

/**
 * The test provider's books in its own tables (migration 0017), as a real provider keeps them on
 * its side: an authorization made before a restart can still be captured after it, by any server.
 * One call is one transaction, behind an advisory lock on its idempotency key (or its payment), so
 * two servers given the same key replay one answer instead of both running. No card data is kept.
 */
export function createDatabaseTestProviderStore(): TestProviderStore {
  return {
    atomically: async (lock, work) => {
      // Raw SQL throughout: the provider's books are its own tables (migration 0017), kept out of the shop's Drizzle
      // schema as a real provider's are out of the shop's database; and an advisory lock.
      return transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`comptoir-test-provider:${lock}`}))`);
        const books: TestProviderBooks = {
          getPayment: async (reference) => {
            const r = await tx.execute<{ amount_cents: number; state: TestPayment['state']; captured_cents: number; refunded_cents: number }>(
              sql`SELECT amount_cents, state, captured_cents, refunded_cents FROM test_provider_payments WHERE reference = ${reference} FOR UPDATE`,
            );
            const row = r.rows[0];
            return row && { amountCents: row.amount_cents, state: row.state, capturedCents: row.captured_cents, refundedCents: row.refunded_cents };
          },
          putPayment: async (reference, p) => {
            await tx.execute(sql`
              INSERT INTO test_provider_payments (reference, amount_cents, state, captured_cents, refunded_cents)
              VALUES (${reference}, ${p.amountCents}, ${p.state}, ${p.capturedCents}, ${p.refundedCents})
              ON CONFLICT (reference) DO UPDATE SET state = EXCLUDED.state, captured_cents = EXCLUDED.captured_cents, refunded_cents = EXCLUDED.refunded_cents`);
          },
          getKey: async (key) => {
            const r = await tx.execute<{ fingerprint: string; result: unknown }>(sql`SELECT fingerprint, result FROM test_provider_keys WHERE key = ${key}`);
            return r.rows[0] as IdempotentEntry | undefined;
          },
          putKey: async (key, entry) => {
            await tx.execute(
              sql`INSERT INTO test_provider_keys (key, fingerprint, result) VALUES (${key}, ${entry.fingerprint}, ${JSON.stringify(entry.result)}::jsonb)`,
            );
          },
        };
        return work(books);
      });
    },
  };
}
