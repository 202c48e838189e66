import { describe, expect, it } from 'vitest';
import { dateToParisLocal, parisLocalToDate } from './paris-time';

describe('Paris time in the back office’s forms', () => {
  it('reads winter (UTC+1) and summer (UTC+2) wall-clock times', () => {
    expect(parisLocalToDate('2026-12-24T09:00')?.toISOString()).toBe('2026-12-24T08:00:00.000Z');
    expect(parisLocalToDate('2027-07-01T09:30')?.toISOString()).toBe('2027-07-01T07:30:00.000Z');
  });
  it('reads the hours around the clock changes', () => {
    expect(parisLocalToDate('2027-03-28T01:59')?.toISOString()).toBe('2027-03-28T00:59:00.000Z');
    expect(parisLocalToDate('2027-03-28T03:00')?.toISOString()).toBe('2027-03-28T01:00:00.000Z');
    expect(parisLocalToDate('2027-10-31T04:00')?.toISOString()).toBe('2027-10-31T03:00:00.000Z');
  });
  it('refuses what is not a date-time', () => {
    for (const v of ['', '2026-02-30T10:00', '2026-12-24 09:00', '2026-12-24T24:00', 'tomorrow']) expect(parisLocalToDate(v)).toBeNull();
  });
  it('writes an instant back as the field shows it', () => {
    expect(dateToParisLocal(new Date('2026-12-24T08:00:00Z'))).toBe('2026-12-24T09:00');
    expect(dateToParisLocal(new Date('2027-07-01T07:30:00Z'))).toBe('2027-07-01T09:30');
  });
});
