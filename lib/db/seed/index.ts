import type { Db } from '../client';

export type SeedScale = 'demo' | 'large';
export type SeedSummary = Record<string, number>;

/** Deterministic seed: the same input gives the same catalogue, stores and stock. */
export async function seed(_db: Db, _opts: { scale: SeedScale }): Promise<SeedSummary> {
  throw new Error('seed not written yet');
}
