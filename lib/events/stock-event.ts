/** A committed stock change, as the `stock` channel announces it (lib/db/migrations/0001_stock_notify.sql). */
export type StockEvent = { locationId: number; skuId: number; available: number; asOf: string };
export type StockKey = { locationId: number; skuId: number };

export function stockKey(k: StockKey): string {
  return `${k.locationId}:${k.skuId}`;
}

/** The trigger's JSON payload, or null for anything else (a hand-made NOTIFY must not crash the hub). */
export function parseStockNotification(payload: string | undefined | null): StockEvent | null {
  if (!payload) return null;
  try {
    const p = JSON.parse(payload) as { location?: unknown; sku?: unknown; available?: unknown; at?: unknown };
    if (typeof p.location !== 'number' || typeof p.sku !== 'number' || typeof p.available !== 'number') return null;
    return { locationId: p.location, skuId: p.sku, available: p.available, asOf: typeof p.at === 'string' ? p.at : new Date().toISOString() };
  } catch {
    return null;
  }
}
