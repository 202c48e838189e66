import { describe, expect, it } from 'vitest';
import { pickDriveSuggestion } from './drive-suggestion';
import type { DriveStoreOption } from './types';

const store = (storeId: number, name: string, distanceKm: number | null, missingLines = 0): DriveStoreOption => ({
  storeId,
  slug: name.toLowerCase(),
  name,
  town: name,
  distanceKm,
  missingLines,
});

// Name order, as the store list comes when nothing says where the shopper is.
const byName = [store(1, 'Amiens', null), store(2, 'Bordeaux', null), store(3, 'Lyon', null)];

describe('pickDriveSuggestion', () => {
  it('never proposes the alphabetically first store to a shopper whose position is unknown: it asks them to choose', () => {
    expect(pickDriveSuggestion(byName, { myStoreId: null, positionKnown: false, currentStoreId: null })).toEqual({ kind: 'choose' });
  });

  it('starts from my store when it offers drive and holds everything, whatever the order of the list', () => {
    expect(pickDriveSuggestion(byName, { myStoreId: 3, positionKnown: false, currentStoreId: null })).toEqual({ kind: 'store', store: byName[2] });
    const fromAPlace = [store(1, 'Amiens', 2), store(3, 'Lyon', 400)];
    expect(pickDriveSuggestion(fromAPlace, { myStoreId: 3, positionKnown: true, currentStoreId: null })).toMatchObject({ store: { name: 'Lyon' } });
  });

  it('else the nearest drive store holding everything, from the shopper’s position', () => {
    const fromLyon = [store(3, 'Lyon', 1.2, 1), store(4, 'Villeurbanne', 4.5), store(1, 'Amiens', 580)];
    expect(pickDriveSuggestion(fromLyon, { myStoreId: 3, positionKnown: true, currentStoreId: null })).toMatchObject({ store: { name: 'Villeurbanne' } });
    expect(pickDriveSuggestion(fromLyon, { myStoreId: null, positionKnown: true, currentStoreId: 4 })).toMatchObject({ store: { name: 'Amiens' } });
  });

  it('says nothing when no drive store holds everything or there are none', () => {
    expect(pickDriveSuggestion([store(3, 'Lyon', 1, 2)], { myStoreId: 3, positionKnown: true, currentStoreId: null })).toEqual({ kind: 'none' });
    expect(pickDriveSuggestion([], { myStoreId: null, positionKnown: false, currentStoreId: null })).toEqual({ kind: 'none' });
  });
});
