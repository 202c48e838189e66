import { describe, expect, it } from 'vitest';
import { parseDriveSlotsQuery } from './slots-params';

const parse = (q: string) => parseDriveSlotsQuery(new URLSearchParams(q));

describe('parseDriveSlotsQuery', () => {
  it('reads a store and optional days', () => {
    expect(parse('store=12')).toEqual({ ok: true, query: { store: 12 } });
    expect(parse('store=12&days=3')).toEqual({ ok: true, query: { store: 12, days: 3 } });
  });

  it('refuses what is not a store id, with a message', () => {
    expect(parse('')).toEqual({ ok: false, error: 'store is required' });
    for (const bad of ['store=0', 'store=-1', 'store=abc', 'store=1.5', 'store=99999999999', 'store=12;DROP', 'store=%201']) {
      expect(parse(bad)).toMatchObject({ ok: false });
    }
    expect(parse('store=3000000000')).toEqual({ ok: false, error: 'store is out of range' });
    expect(parse('store=1&days=8')).toEqual({ ok: false, error: 'days must be from 1 to 7' });
  });
});
