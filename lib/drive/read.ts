import 'server-only';
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { DEFAULT_CUTOFF_MINUTES } from './config';
import { driveSettings } from './schema';

/*
 * What the other domains may read of drive settings: a drive store's cut-off before a slot (orders
 * show it and check it). They call this instead of naming `drive_settings` themselves
 * (lib/db/boundaries.test.ts checks).
 */

/**
 * The store's cut-off in minutes (DEFAULT_CUTOFF_MINUTES when it has no settings row), as a scalar subquery the caller's one statement reads: `s.starts_at -
 * make_interval(mins => ${cutoffMinutesOf(sql`s.store_id`)})`.
 */
export function cutoffMinutesOf(storeId: SQLWrapper): SQL<number> {
  return sql<number>`COALESCE((SELECT ${driveSettings.cutoffMinutes} FROM ${driveSettings}
    WHERE ${driveSettings.storeId} = ${storeId}), ${DEFAULT_CUTOFF_MINUTES}::int)`;
}
