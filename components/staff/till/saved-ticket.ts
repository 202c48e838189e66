import { dropPending, keepPending, readPending, type PendingKey } from '@/components/forms/pending-key';
import type { TillCustomer, TillLine } from './types';

/** What the till keeps of its open ticket; `paying`: "Take payment" was sent and no answer came. */
export type SavedTicket = { customer: TillCustomer | null; lines: TillLine[]; wantedPoints: number; paying: boolean };

/**
 * The open ticket of this store's till, kept in this browser tab with its key
 * (components/forms/pending-key.ts, 15 minutes after its last change): a reload, or an answer lost
 * after the sale was recorded, finds the same ticket and the same key, so "Take payment" replays
 * the recorded sale instead of selling the items twice.
 */
const scope = (storeId: number) => `till:${storeId}`;

export function restoreTicket(storeId: number): PendingKey<SavedTicket> | null {
  const saved = readPending<SavedTicket>(scope(storeId));
  return saved?.data && Array.isArray(saved.data.lines) ? saved : null;
}

export function saveTicket(storeId: number, key: string, ticket: SavedTicket): void {
  if (ticket.lines.length === 0 && ticket.customer === null && !ticket.paying) dropPending(scope(storeId));
  else keepPending(scope(storeId), key, ticket);
}

export function forgetTicket(storeId: number): void {
  dropPending(scope(storeId));
}
