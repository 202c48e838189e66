import { describe, expect, it } from 'vitest';
import { myStoreIdFromCookies, parseMyStoreId } from './my-store-id';

describe('parseMyStoreId', () => {
  it('reads a positive whole number and nothing else', () => {
    expect(parseMyStoreId('12')).toBe(12);
    for (const bad of [undefined, '', '0', '-3', '12abc', '1.5', ' 12', '99999999999', '2147483648']) expect(parseMyStoreId(bad), String(bad)).toBeNull();
  });
});

describe('myStoreIdFromCookies', () => {
  it('finds the cookie among others, by its exact name', () => {
    expect(myStoreIdFromCookies('locale=fr; my_store=7; other=1')).toBe(7);
    expect(myStoreIdFromCookies('my_store=42')).toBe(42);
    expect(myStoreIdFromCookies('not_my_store=3; locale=en')).toBeNull();
    expect(myStoreIdFromCookies('')).toBeNull();
    expect(myStoreIdFromCookies('my_store=x')).toBeNull();
  });
});
