import { describe, expect, it } from 'vitest';
import {
  closuresWithin,
  distinctClosures,
  distinctWeeks,
  intervalsOn,
  openingStatus,
  openingStatusAt,
  parisClock,
  parisNow,
  parisNowFrom,
  type OpeningInterval,
} from './hours';

// Monday–Saturday with a lunch break, Sunday morning only on the "sunday" variant.
const weekdays: OpeningInterval[] = [1, 2, 3, 4, 5, 6].flatMap((weekday) => [
  { weekday, opens: '09:00:00', closes: '12:30:00' },
  { weekday, opens: '14:00:00', closes: '19:30:00' },
]);
const withSunday: OpeningInterval[] = [...weekdays, { weekday: 7, opens: '10:00', closes: '13:00' }];
const newYear = { day: '2026-01-01', reasonFr: 'Jour de l’an', reasonEn: 'New Year’s Day' };

describe('parisNow', () => {
  it('follows the DST change (CET +1 in winter, CEST +2 in summer)', () => {
    expect(parisNow(new Date('2025-01-15T08:00:00Z'))).toEqual({ date: '2025-01-15', weekday: 3, minutes: 9 * 60 });
    expect(parisNow(new Date('2025-07-15T08:00:00Z'))).toEqual({ date: '2025-07-15', weekday: 2, minutes: 10 * 60 });
    // 22:30 UTC on a summer Tuesday is already Wednesday in Paris.
    expect(parisNow(new Date('2025-06-10T22:30:00Z'))).toMatchObject({ date: '2025-06-11', weekday: 3, minutes: 30 });
  });
});

describe('openingStatus', () => {
  it('is open during the morning interval and closes at lunch', () => {
    expect(openingStatus(weekdays, [], new Date('2025-06-10T08:00:00Z'))).toEqual({ open: true, closesAt: '12:30' });
  });

  it('is closed over lunch and reopens later the same day', () => {
    expect(openingStatus(weekdays, [], new Date('2025-06-10T11:00:00Z'))).toEqual({
      open: false,
      opensAt: { weekday: 2, date: '2025-06-10', time: '14:00', daysAhead: 0 },
      closedToday: null,
    });
    expect(openingStatus(weekdays, [], new Date('2025-06-10T12:00:00Z'))).toEqual({ open: true, closesAt: '19:30' });
  });

  it('treats the closing minute as closed', () => {
    // 19:30 Paris = 17:30 UTC in June.
    expect(openingStatus(weekdays, [], new Date('2025-06-10T17:30:00Z'))).toMatchObject({
      open: false,
      opensAt: { date: '2025-06-11', time: '09:00', daysAhead: 1 },
    });
  });

  it('skips a closed Sunday: Saturday evening opens on Monday', () => {
    expect(openingStatus(weekdays, [], new Date('2025-06-14T18:00:00Z'))).toMatchObject({
      open: false,
      opensAt: { weekday: 1, date: '2025-06-16', time: '09:00', daysAhead: 2 },
    });
    expect(openingStatus(weekdays, [], new Date('2025-06-15T09:00:00Z'))).toMatchObject({
      open: false,
      opensAt: { weekday: 1, daysAhead: 1 },
      closedToday: null,
    });
  });

  it('after midnight, opens "today" in Paris even though UTC is still on the day before', () => {
    expect(openingStatus(weekdays, [], new Date('2025-06-10T22:30:00Z'))).toMatchObject({
      open: false,
      opensAt: { weekday: 3, date: '2025-06-11', time: '09:00', daysAhead: 0 },
    });
  });

  it('uses summer time on the spring-forward Sunday (2025-03-30)', () => {
    // 08:30 UTC is 10:30 CEST (open) — it would be 09:30 CET (closed) with a fixed winter offset.
    expect(openingStatus(withSunday, [], new Date('2025-03-30T08:30:00Z'))).toEqual({ open: true, closesAt: '13:00' });
    // 00:30 UTC is 01:30 CET, before the change; 01:30 UTC is 03:30 CEST, after it.
    expect(parisNow(new Date('2025-03-30T00:30:00Z')).minutes).toBe(90);
    expect(parisNow(new Date('2025-03-30T01:30:00Z')).minutes).toBe(210);
    // Monday 31 March 07:30 UTC = 09:30 CEST.
    expect(openingStatus(withSunday, [], new Date('2025-03-31T07:30:00Z'))).toEqual({ open: true, closesAt: '12:30' });
  });

  it('uses winter time on the fall-back Sunday (2025-10-26)', () => {
    // 08:30 UTC is 09:30 CET: not open yet (it would be 10:30 with the summer offset).
    expect(openingStatus(withSunday, [], new Date('2025-10-26T08:30:00Z'))).toMatchObject({
      open: false,
      opensAt: { weekday: 7, time: '10:00', daysAhead: 0 },
    });
    expect(openingStatus(withSunday, [], new Date('2025-10-26T09:30:00Z'))).toEqual({ open: true, closesAt: '13:00' });
    // Saturday 25 October 17:45 UTC = 19:45 CEST: closed, opens tomorrow (Sunday) at 10:00.
    expect(openingStatus(withSunday, [], new Date('2025-10-25T17:45:00Z'))).toMatchObject({
      open: false,
      opensAt: { weekday: 7, date: '2025-10-26', time: '10:00', daysAhead: 1 },
    });
  });

  it('is closed all day on an exceptional closure, with the reason', () => {
    // Thursday 1 January 2026, 11:00 Paris: a normal opening time.
    expect(openingStatus(weekdays, [newYear], new Date('2026-01-01T10:00:00Z'))).toEqual({
      open: false,
      opensAt: { weekday: 5, date: '2026-01-02', time: '09:00', daysAhead: 1 },
      closedToday: newYear,
    });
  });

  it('skips a closure day when looking for the next opening', () => {
    expect(openingStatus(weekdays, [newYear], new Date('2025-12-31T19:00:00Z'))).toMatchObject({
      open: false,
      opensAt: { date: '2026-01-02', daysAhead: 2 },
      closedToday: null,
    });
  });

  it('has no next opening for a store without hours', () => {
    expect(openingStatus([], [], new Date('2025-06-10T08:00:00Z'))).toEqual({
      open: false,
      opensAt: null,
      closedToday: null,
    });
  });
});

describe('intervalsOn', () => {
  it('lists a day with a lunch break in order, as HH:MM', () => {
    expect(intervalsOn([...weekdays].reverse(), 2)).toEqual([
      { opens: '09:00', closes: '12:30' },
      { opens: '14:00', closes: '19:30' },
    ]);
    expect(intervalsOn(weekdays, 7)).toEqual([]);
  });
});

describe('closuresWithin', () => {
  const c = (day: string) => ({ day, reasonFr: 'f', reasonEn: 'e' });
  it('keeps the closures from a day for a number of days, and drops the past', () => {
    const all = [c('2026-12-04'), c('2026-12-05'), c('2026-12-25'), c('2026-12-26'), c('2027-01-01')];
    expect(closuresWithin(all, '2026-12-05', 21).map((x) => x.day)).toEqual(['2026-12-05', '2026-12-25']);
    expect(closuresWithin(all, '2026-12-20', 14).map((x) => x.day)).toEqual(['2026-12-25', '2026-12-26', '2027-01-01']);
    expect(closuresWithin([], '2026-12-05', 21)).toEqual([]);
  });
});

describe('distinctWeeks', () => {
  it('sends each distinct week once and points every store at its own', () => {
    const sunday = [...weekdays, { weekday: 7, opens: '10:00:00', closes: '13:00:00' }];
    const { weeks, index } = distinctWeeks([weekdays, sunday, weekdays, [], withSunday]);
    expect(weeks).toHaveLength(3);
    expect(index).toEqual([0, 1, 0, 2, 1]); // "10:00:00" and "10:00" are the same time
    expect(weeks[index[1]!]).toContainEqual({ weekday: 7, opens: '10:00', closes: '13:00' });
    expect(weeks[2]).toEqual([]);
    expect(distinctWeeks([])).toEqual({ weeks: [], index: [] });
  });
});

describe('distinctClosures', () => {
  it('sends each distinct list of closures once, in its order, and points every store at its own', () => {
    const christmas = { day: '2025-12-25', reasonFr: 'Noël', reasonEn: 'Christmas Day' };
    const works = { day: '2025-12-22', reasonFr: 'Travaux', reasonEn: 'Building work' };
    const { closures, index } = distinctClosures([[christmas], [works, christmas], [christmas], [], [christmas, works]]);
    expect(closures).toEqual([[christmas], [works, christmas], [], [christmas, works]]);
    expect(index).toEqual([0, 1, 0, 2, 3]);
    // A reason in one language differing is another closure: the page says it.
    const renamed = { ...christmas, reasonEn: 'Christmas' };
    expect(distinctClosures([[christmas], [renamed]]).index).toEqual([0, 1]);
    expect(distinctClosures([])).toEqual({ closures: [], index: [] });
  });
});

describe('parisClock and parisNowFrom', () => {
  it('finds each summer-time change to the minute, as Intl has it', () => {
    // 2026: summer time from 29 March 01:00 UTC, winter time from 25 October 01:00 UTC.
    expect(parisClock('2026-03-20', 21).offsets).toEqual([
      { from: Date.parse('2026-03-19T00:00:00Z'), minutes: 60 },
      { from: Date.parse('2026-03-29T01:00:00Z'), minutes: 120 },
    ]);
    expect(parisClock('2026-10-20', 21).offsets.slice(1)).toEqual([{ from: Date.parse('2026-10-25T01:00:00Z'), minutes: 60 }]);
    expect(parisClock('2026-06-01', 21).offsets).toHaveLength(1);
  });

  it('tells the same Paris time as parisNow over its whole span, and nothing outside it', () => {
    for (const day of ['2025-03-20', '2025-10-15', '2026-01-01', '2026-12-05']) {
      const clock = parisClock(day, 21);
      // Every 37 minutes (which lands on every minute of the hour in turn), and each change's minutes.
      const instants = [];
      for (let t = clock.offsets[0]!.from; t < clock.until; t += 37 * 60_000) instants.push(t);
      for (const { from } of clock.offsets.slice(1)) instants.push(from - 60_000, from, from + 59_999);
      for (const t of instants) expect(parisNowFrom(new Date(t), clock), new Date(t).toISOString()).toEqual(parisNow(new Date(t)));
      expect(parisNowFrom(new Date(clock.until), clock)).toBeNull();
      expect(parisNowFrom(new Date(clock.offsets[0]!.from - 1), clock)).toBeNull();
    }
  });

  it('covers the whole Paris day it starts from, for the days asked and more', () => {
    const clock = parisClock('2026-07-01', 21);
    expect(parisNowFrom(new Date('2026-06-30T22:00:00Z'), clock)).toMatchObject({ date: '2026-07-01', minutes: 0 });
    expect(parisNowFrom(new Date('2026-07-21T21:59:00Z'), clock)).toMatchObject({ date: '2026-07-21', minutes: 23 * 60 + 59 });
  });

  it('gives openingStatusAt what openingStatus reads from the clock', () => {
    const clock = parisClock('2025-03-25', 21);
    for (const iso of ['2025-03-30T08:30:00Z', '2025-03-30T00:30:00Z', '2025-03-31T07:30:00Z', '2025-04-04T17:45:00Z']) {
      expect(openingStatusAt(withSunday, [newYear], parisNowFrom(new Date(iso), clock)!)).toEqual(openingStatus(withSunday, [newYear], new Date(iso)));
    }
  });
});
