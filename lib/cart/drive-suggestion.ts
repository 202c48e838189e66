import type { DriveStoreOption } from './types';

export type DriveSuggestionPick = { kind: 'store'; store: DriveStoreOption } | { kind: 'choose' } | { kind: 'none' };

/**
 * Which drive store the cart proposes when the chosen mode cannot serve every line. It starts from
 * the shopper: their store ("my store", cookie or account) when it offers drive and holds
 * everything; else the nearest drive store holding everything, measured from where the shopper is
 * known to be (a place they typed, or their store's address) — `stores` is then nearest first.
 * With no position at all, `stores` is in name order, and the first of them is no suggestion (a
 * Lyon shopper was offered Amiens): the cart asks them to choose a drive store instead.
 */
export function pickDriveSuggestion(
  stores: readonly DriveStoreOption[],
  from: { myStoreId: number | null; positionKnown: boolean; currentStoreId: number | null },
): DriveSuggestionPick {
  const candidates = stores.filter((s) => s.missingLines === 0 && s.storeId !== from.currentStoreId);
  const mine = candidates.find((s) => s.storeId === from.myStoreId);
  if (mine) return { kind: 'store', store: mine };
  if (!from.positionKnown) return stores.length > 0 ? { kind: 'choose' } : { kind: 'none' };
  const nearest = candidates.find((s) => s.distanceKm !== null);
  return nearest ? { kind: 'store', store: nearest } : { kind: 'none' };
}
