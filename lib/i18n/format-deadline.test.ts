import { describe, expect, it } from 'vitest';
import { formatDeadline, formatDuration } from './format-deadline';

const H = 3_600_000;
// French keeps a number and its unit together with a no-break space.
const plain = (s: string | null) => s?.replace(/\u00a0/g, ' ') ?? null;

describe('formatDeadline', () => {
  it('writes the Paris time in each language', () => {
    const d = new Date('2025-11-26T17:30:00Z'); // 18:30 in Paris (winter time)
    expect(plain(formatDeadline(d, 'en'))).toBe('Wed 26 Nov, 18:30');
    expect(plain(formatDeadline(d, 'fr'))).toBe('mercredi 26 novembre à 18:30');
  });
});

describe('formatDuration', () => {
  it('keeps the two largest units', () => {
    expect(plain(formatDuration(2 * 24 * H + 3 * H + 59_000 * 10, 'en'))).toBe('2 days, 3 hours');
    expect(plain(formatDuration(2 * 24 * H + 3 * H, 'fr'))).toBe('2 jours et 3 heures');
    expect(plain(formatDuration(24 * H + 20 * 60_000, 'en'))).toBe('1 day');
    expect(plain(formatDuration(3 * H + 20 * 60_000, 'fr'))).toBe('3 heures et 20 minutes');
    expect(plain(formatDuration(H, 'en'))).toBe('1 hour');
    expect(plain(formatDuration(61_000, 'en'))).toBe('1 minute');
  });
  it('is null under a minute', () => {
    expect(plain(formatDuration(59_999, 'en'))).toBeNull();
    expect(plain(formatDuration(-5, 'fr'))).toBeNull();
  });
});
