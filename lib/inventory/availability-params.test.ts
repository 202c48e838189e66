import { describe, expect, it } from 'vitest';
import { parseAvailabilityQuery } from './availability-params';

const parse = (qs: string) => parseAvailabilityQuery(new URLSearchParams(qs));

describe('parseAvailabilityQuery', () => {
  it('reads SKUs, stores and the warehouse flag', () => {
    expect(parse('sku=12&stores=3,4, 5,3&warehouse=1')).toEqual({ ok: true, query: { sku: [12], stores: [3, 4, 5], warehouse: true } });
    expect(parse('sku=1,2&warehouse=1')).toEqual({ ok: true, query: { sku: [1, 2], stores: [], warehouse: true } });
  });

  it('refuses bad input with a message, never a throw', () => {
    for (const qs of [
      '',
      'stores=1',
      'sku=1',
      'sku=0&stores=1',
      'sku=-3&stores=1',
      'sku=1.5&stores=1',
      'sku=abc&stores=1',
      'sku=1&stores=1,,2',
      'sku=99999999999&stores=1',
      'sku=1&stores=1&warehouse=yes',
      `sku=1&stores=${Array.from({ length: 21 }, (_, i) => i + 1).join(',')}`,
      `sku=1&stores=${Array.from({ length: 20 }, (_, i) => i + 1).join(',')}&warehouse=1`,
      `sku=${Array.from({ length: 11 }, (_, i) => i + 1).join(',')}&stores=1`,
    ]) {
      const r = parse(qs);
      expect(r.ok, qs).toBe(false);
      if (!r.ok) expect(r.error.length, qs).toBeGreaterThan(5);
    }
  });
});
