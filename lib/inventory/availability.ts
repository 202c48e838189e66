/** How a stock figure reads to a shopper. Pure, shared by server and client components. */
export const LOW_STOCK_THRESHOLD = 3;

export type AvailabilityLevel = 'in_stock' | 'low' | 'out' | 'not_stocked';

export function availabilityLevel(available: number | null): AvailabilityLevel {
  if (available === null) return 'not_stocked';
  if (available <= 0) return 'out';
  if (available <= LOW_STOCK_THRESHOLD) return 'low';
  return 'in_stock';
}

export type StoreAvailability = {
  storeId: number;
  slug: string;
  name: string;
  town: string;
  /** Great-circle distance from the origin (my store, or the shopper), when one is known. */
  distanceKm: number | null;
  /** Units that can be sold now (on hand − reserved); null when the store does not sell this SKU. */
  available: number | null;
  /** When this figure last changed. */
  asOf: string | null;
  clickReserve: boolean;
};
