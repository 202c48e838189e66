import type { Db } from '../client';

/** The seed runs in one transaction: a failed seed leaves an empty database, not half a shop. */
export type SeedTx = Parameters<Parameters<Db['transaction']>[0]>[0];
