import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import { stock } from './schema';

/*
 * What the other domains may read of stock: how many units of a SKU a location can still give
 * (on hand − reserved) and since when. The catalogue (a department's cards at my store), the cart
 * (each line at the chosen location, the drive stores that hold it all) and reservations (the shops
 * where a SKU can be reserved) read it here instead of naming `stock` themselves
 * (lib/db/boundaries.test.ts checks); stock changes only through lib/inventory's commands.
 *
 * A row source for raw SQL and a subquery for the query builder, both plain projections of the
 * stock table that PostgreSQL flattens into the caller's query, so the caller's join still probes
 * stock's primary key (location_id, sku_id).
 */

/**
 * Stock levels as a row source — `LEFT JOIN ${stockLevelsSql} st ON st.location_id = … AND st.sku_id = …`
 * — with the columns location_id, sku_id, available (on hand − reserved) and updated_at. No row: the
 * location does not sell the SKU.
 */
export const stockLevelsSql: SQL = sql`(SELECT ${stock.locationId} AS location_id, ${stock.skuId} AS sku_id,
    ${stock.onHand} - ${stock.reserved} AS available, ${stock.updatedAt} AS updated_at FROM ${stock})`;

/** The same for the query builder: `.innerJoin(stockLevels, and(eq(stockLevels.locationId, …), eq(stockLevels.skuId, …)))`. */
export const stockLevels = new QueryBuilder()
  .select({
    locationId: stock.locationId,
    skuId: stock.skuId,
    available: sql<number>`${stock.onHand} - ${stock.reserved}`.as('stock_available'),
    updatedAt: stock.updatedAt,
  })
  .from(stock)
  .as('stock_levels');
