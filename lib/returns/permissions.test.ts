import { describe, expect, it } from 'vitest';
import { isReturnChangeable, mayStartReturn } from './permissions';
import { RETURN_STATUSES } from './schema';

describe('what may be done with returns', () => {
  it('a return can be started while the period is open and a unit is left to return', () => {
    expect(mayStartReturn({ open: true, lines: [{ returnable: 0 }, { returnable: 1 }] })).toBe(true);
    expect(mayStartReturn({ open: true, lines: [{ returnable: 0 }] })).toBe(false); // all already on returns
    expect(mayStartReturn({ open: false, lines: [{ returnable: 2 }] })).toBe(false); // not delivered yet, or the period is over
  });

  it('only a booked return is moved or cancelled by its shopper', () => {
    expect(RETURN_STATUSES.filter(isReturnChangeable)).toEqual(['booked']);
  });
});
