import { describe, expect, it } from 'vitest';
import { getDictionary } from '@/lib/i18n/dictionary';
import { openingStatus, type OpeningInterval } from './hours';
import { describeOpeningStatus, pickOpeningTexts, weekdayLabels, weekdayNames } from './opening-text';

const hours: OpeningInterval[] = [1, 2, 3, 4, 5, 6].flatMap((weekday) => [
  { weekday, opens: '09:00', closes: '12:30' },
  { weekday, opens: '14:00', closes: '19:30' },
]);
const closures = [{ day: '2026-01-01', reasonFr: 'Jour de l’an', reasonEn: 'New Year’s Day' }];
const fr = getDictionary('fr').stores;
const en = getDictionary('en').stores;

function texts(iso: string) {
  const status = openingStatus(hours, closures, new Date(iso));
  const said = [describeOpeningStatus(status, 'fr', fr), describeOpeningStatus(status, 'en', en)];
  // The same with the day names given (as the store list does, to spare the browser its Intl).
  expect([describeOpeningStatus(status, 'fr', fr, weekdayNames('fr')), describeOpeningStatus(status, 'en', en, weekdayNames('en'))]).toEqual(said);
  return said;
}

describe('describeOpeningStatus', () => {
  it('says when an open store closes', () => {
    expect(texts('2025-06-10T15:00:00Z')).toEqual(['Ouvert · ferme à 19:30', 'Open now · closes 19:30']);
  });
  it('says when a closed store opens: later today, tomorrow, or on a named day', () => {
    expect(texts('2025-06-10T11:00:00Z')).toEqual(['Fermé · ouvre à 14:00', 'Closed · opens at 14:00']);
    expect(texts('2025-06-10T18:00:00Z')).toEqual(['Fermé · ouvre demain à 09:00', 'Closed · opens tomorrow at 09:00']);
    expect(texts('2025-06-14T18:00:00Z')).toEqual(['Fermé · ouvre lundi à 09:00', 'Closed · opens Monday at 09:00']);
  });
  it('gives the reason of an exceptional closure', () => {
    expect(texts('2026-01-01T10:00:00Z')).toEqual([
      'Fermé aujourd’hui : Jour de l’an · ouvre demain à 09:00',
      'Closed today: New Year’s Day · opens tomorrow at 09:00',
    ]);
  });
});

describe('weekdayLabels and pickOpeningTexts', () => {
  it('names the days Monday first, capitalised, in each language', () => {
    expect(weekdayLabels('en')).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
    expect(weekdayLabels('fr')).toEqual(['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche']);
    expect(weekdayNames('fr')).toEqual(['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche']);
  });

  it('keeps only the texts "open now" uses, which describe the same', () => {
    const picked = pickOpeningTexts(en);
    expect(Object.keys(picked).sort()).toEqual(['closed', 'closedThen', 'closedToday', 'openNow', 'opensLaterToday', 'opensOn', 'opensTomorrow']);
    const status = openingStatus(hours, closures, new Date('2026-01-01T10:00:00Z'));
    expect(describeOpeningStatus(status, 'en', picked)).toBe(describeOpeningStatus(status, 'en', en));
  });
});
