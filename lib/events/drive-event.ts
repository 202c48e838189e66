/** An order of this store changed on the drive (placed → … → collected, or a shopper arrived). */
export type DriveEvent = { storeId: number; orderId: number };

/** What lib/orders NOTIFYs on channel 'drive', inside the transaction that changed the order. */
export function driveNotification(event: DriveEvent): string {
  return JSON.stringify({ storeId: event.storeId, orderId: event.orderId });
}

/** The payload, or null for anything else (a hand-made NOTIFY must not crash the hub). */
export function parseDriveNotification(payload: string | undefined): DriveEvent | null {
  if (!payload) return null;
  try {
    const raw = JSON.parse(payload) as Partial<Record<keyof DriveEvent, unknown>>;
    const { storeId, orderId } = raw;
    return typeof storeId === 'number' && Number.isSafeInteger(storeId) && typeof orderId === 'number' && Number.isSafeInteger(orderId)
      ? { storeId, orderId }
      : null;
  } catch {
    return null;
  }
}
