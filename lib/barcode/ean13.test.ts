import { describe, expect, it } from 'vitest';
import { ean13Bars, ean13Check, encodeEan13, InvalidEan13Error, isValidEan13 } from './ean13';

/**
 * A reader written independently of the encoder's bit tables: it measures bar and space widths and
 * looks them up in the GS1 width table (set A; set B is the same widths read backwards; set C the
 * same widths with bars and spaces swapped), then recovers the first digit from the parity pattern.
 */
const WIDTHS = ['3211', '2221', '2122', '1411', '1132', '1231', '1114', '1312', '1213', '3112'];
const FIRST_DIGIT = ['AAAAAA', 'AABABB', 'AABBAB', 'AABBBA', 'ABAABB', 'ABBAAB', 'ABBBAA', 'ABABAB', 'ABABBA', 'ABBABA'];

function runs(bits: string): string {
  let out = '';
  let n = 1;
  for (let i = 1; i <= bits.length; i++) {
    if (bits[i] === bits[i - 1]) n++;
    else {
      out += n;
      n = 1;
    }
  }
  return out;
}

function readEan13(modules: string): string {
  expect(modules).toHaveLength(95);
  expect(modules.slice(0, 3)).toBe('101');
  expect(modules.slice(45, 50)).toBe('01010');
  expect(modules.slice(92)).toBe('101');
  let parity = '';
  let digits = '';
  for (let d = 0; d < 6; d++) {
    const group = modules.slice(3 + d * 7, 10 + d * 7);
    expect(group[0]).toBe('0'); // left digits start with a space
    const w = runs(group);
    const a = WIDTHS.indexOf(w);
    const b = WIDTHS.indexOf([...w].reverse().join(''));
    expect(a >= 0 || b >= 0, `left group ${d}: ${group}`).toBe(true);
    parity += a >= 0 ? 'A' : 'B';
    digits += a >= 0 ? a : b;
  }
  for (let d = 0; d < 6; d++) {
    const group = modules.slice(50 + d * 7, 57 + d * 7);
    expect(group[0]).toBe('1'); // right digits start with a bar
    const c = WIDTHS.indexOf(runs(group));
    expect(c, `right group ${d}: ${group}`).toBeGreaterThanOrEqual(0);
    digits += c;
  }
  const first = FIRST_DIGIT.indexOf(parity);
  expect(first, `parity ${parity}`).toBeGreaterThanOrEqual(0);
  return `${first}${digits}`;
}

describe('EAN-13', () => {
  it('computes check digits of known codes', () => {
    expect(ean13Check('400638133393')).toBe(1);
    expect(ean13Check('590123412345')).toBe(7);
    expect(ean13Check('978030640615')).toBe(7);
    expect(ean13Check('000000000000')).toBe(0);
    expect(isValidEan13('4006381333931')).toBe(true);
    expect(isValidEan13('4006381333932')).toBe(false);
    expect(isValidEan13('400638133393')).toBe(false);
    expect(isValidEan13('400638133393a')).toBe(false);
  });

  it('encodes 4006381333931 as the specification draws it (first digit 4: L G L L G G)', () => {
    const expected = [
      '101',
      '0001101', // 0 L
      '0100111', // 0 G
      '0101111', // 6 L
      '0111101', // 3 L
      '0001001', // 8 G
      '0110011', // 1 G
      '01010',
      '1000010', // 3 R
      '1000010', // 3 R
      '1000010', // 3 R
      '1110100', // 9 R
      '1000010', // 3 R
      '1100110', // 1 R
      '101',
    ].join('');
    expect(encodeEan13('4006381333931')).toBe(expected);
  });

  it('encodes a code with first digit 0 all in set A (as UPC-A does)', () => {
    expect(encodeEan13('0012345678905').slice(3, 45)).toBe('0001101' + '0011001' + '0010011' + '0111101' + '0100011' + '0110001');
  });

  it('reads back, by bar widths, every first digit and every digit in every position', () => {
    const codes = ['4006381333931', '5901234123457', '9780306406157', '2900000000018'];
    for (let first = 0; first <= 9; first++) {
      for (let shift = 0; shift < 3; shift++) {
        const body = `${first}${Array.from({ length: 11 }, (_, i) => (i * 7 + first * 3 + shift) % 10).join('')}`;
        codes.push(body + ean13Check(body));
      }
    }
    for (const code of codes) expect(readEan13(encodeEan13(code))).toBe(code);
  });

  it('refuses a wrong check digit or a wrong length', () => {
    expect(() => encodeEan13('4006381333930')).toThrow(InvalidEan13Error);
    expect(() => encodeEan13('123')).toThrow(InvalidEan13Error);
  });

  it('merges modules into bars and marks the guard bars', () => {
    const bars = ean13Bars('4006381333931');
    const modules = encodeEan13('4006381333931');
    const drawn = Array.from({ length: 95 }, () => '0');
    for (const bar of bars) for (let i = bar.x; i < bar.x + bar.width; i++) drawn[i] = '1';
    expect(drawn.join('')).toBe(modules);
    expect(bars.filter((b) => b.guard)).toHaveLength(6);
    expect(bars.filter((b) => b.guard).map((b) => b.x)).toEqual([0, 2, 46, 48, 92, 94]);
  });
});
