import { describe, expect, it } from 'vitest';
import { parseEuroCents } from './euro-amount';

describe('parseEuroCents', () => {
  it('reads euros typed at the till', () => {
    expect(parseEuroCents('20')).toBe(2000);
    expect(parseEuroCents('12,5')).toBe(1250);
    expect(parseEuroCents(' 12.05 € ')).toBe(1205);
  });
  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '1,234', '-5', '12.345', '1e3']) expect(parseEuroCents(bad)).toBeNull();
  });
});
