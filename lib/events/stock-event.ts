/**
 * A committed stock change, as the relay publishes it (lib/db/migrations/0023_stock_relay_publish.sql)
 * and the page reads it: the same names from the outbox to the browser.
 */
export type StockEvent = { storeId: number; skuId: number; available: number; asOf: string };
export type StockKey = { storeId: number; skuId: number };

export function stockKey(k: StockKey): string {
  return `${k.storeId}:${k.skuId}`;
}

/** The relay's JSON payload, or null for anything else (a hand-made NOTIFY must not crash the hub). */
export function parseStockNotification(payload: string | undefined | null): StockEvent | null {
  if (!payload) return null;
  try {
    const p = JSON.parse(payload) as Partial<Record<keyof StockEvent, unknown>>;
    if (typeof p.storeId !== 'number' || typeof p.skuId !== 'number' || typeof p.available !== 'number') return null;
    return { storeId: p.storeId, skuId: p.skuId, available: p.available, asOf: typeof p.asOf === 'string' ? p.asOf : new Date().toISOString() };
  } catch {
    return null;
  }
}
