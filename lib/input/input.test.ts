import { describe, expect, it } from 'vitest';
import { parseWholeNumber, wholeNumber } from './integer';
import { formHasUnsafeText, isSafeText, safeText, unsafeQueryParam } from './text';

describe('text from outside', () => {
  it.each(['\u0000', 'a\u0000b', '\u0007', '\u001b[31m', '\u007f', '\ud800', 'x\udfff', '\udc00\ud800'])(
    'refuses %j (a control character or a lone surrogate)',
    (s) => {
      expect(isSafeText(s)).toBe(false);
      expect(safeText.safeParse(s).success).toBe(false);
    },
  );

  it.each(['', 'Léa Dupont', 'tab\there', 'two\nlines\r\n', '😀 ’ « » €', '\u202e', "'; DROP TABLE x; --"])('takes %j', (s) => {
    expect(isSafeText(s)).toBe(true);
  });

  it('finds an unsafe field name or value in a form, and the unsafe query parameter', () => {
    const ok = new FormData();
    ok.append('name', 'Léa');
    expect(formHasUnsafeText(ok)).toBe(false);
    ok.append('note', 'x\u0000');
    expect(formHasUnsafeText(ok)).toBe(true);
    const key = new FormData();
    key.append('n\u0001', 'v');
    expect(formHasUnsafeText(key)).toBe(true);
    expect(unsafeQueryParam(new URLSearchParams('q=shoes&near=lyon'))).toBeUndefined();
    expect(unsafeQueryParam(new URLSearchParams('q=sh%00oes'))).toBe('q');
  });
});

describe('a whole number typed by a person', () => {
  const range = { min: 0, max: 1000 };
  it.each([
    ['0', 0],
    ['7', 7],
    ['007', 7],
    ['1000', 1000],
  ])('reads %j as %d', (raw, n) => {
    expect(parseWholeNumber(raw, range)).toBe(n);
  });

  it.each(['1e3', '0x10', ' 1', '1 ', '+1', '-1', '1.0', '', '1001', '١', '１', 'Infinity', '99999999999999999999'])('refuses %j', (raw) => {
    expect(parseWholeNumber(raw, range)).toBeUndefined();
  });

  it('takes a safe integer argument, not a fraction, NaN, or a value out of range', () => {
    expect(parseWholeNumber(12, range)).toBe(12);
    for (const n of [1.5, Number.NaN, -1, 1001, Number.MAX_SAFE_INTEGER + 2]) expect(parseWholeNumber(n, range)).toBeUndefined();
    for (const v of [null, undefined, true, {}, ['1'], 1n]) expect(parseWholeNumber(v, range)).toBeUndefined();
  });

  it('as a schema, its issue carries the range', () => {
    const r = wholeNumber(1, 99).safeParse('1e1');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ message: 'wholeNumber', params: { min: 1, max: 99 } });
    expect(wholeNumber(1, 99).parse('42')).toBe(42);
  });
});
