import { describe, expect, it } from 'vitest';
import { parseBookReturnForm, parseCheckInForm, parseDesksQuery, parseWalkInForm, parseWindowsQuery } from './params';

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};
const book = {
  orderNumber: 'CMD-ABCDEFGH',
  storeId: '12',
  windowStartsAt: '2026-12-01T09:00:00.000Z',
  refund: 'store_credit',
  idempotencyKey: 'b3c1f0d2-key',
};

describe('the booking form', () => {
  it('reads the chosen lines (quantity 0 means not this one) with their reasons', () => {
    const parsed = parseBookReturnForm(form({ ...book, qty_5: '2', reason_5: 'wrong_size', qty_6: '0', reason_6: 'other', qty_7: '' }));
    expect(parsed).toEqual({
      ok: true,
      value: { ...book, storeId: 12, lines: [{ orderLineId: 5, quantity: 2, reason: 'wrong_size' }] },
    });
  });

  it('puts each mistake on its field', () => {
    expect(parseBookReturnForm(form({ ...book }))).toEqual({ ok: false, fieldErrors: { lines: 'no_lines' } });
    expect(parseBookReturnForm(form({ ...book, qty_5: '-1', reason_5: 'other', qty_6: '1', reason_6: 'because' }))).toEqual({
      ok: false,
      fieldErrors: { qty_5: 'quantity', reason_6: 'reason' },
    });
    const bad = parseBookReturnForm(form({ ...book, storeId: 'x', windowStartsAt: 'tomorrow', qty_5: '1', reason_5: 'other' }));
    expect(bad).toMatchObject({ ok: false, fieldErrors: { storeId: 'shop', windowStartsAt: 'window' } });
    expect(parseBookReturnForm(form({ ...book, qty_99999999999: '1', reason_99999999999: 'other' }))).toMatchObject({ ok: false });
    expect(parseBookReturnForm(form({ ...book, windowStartsAt: '' }))).toEqual({ ok: false, fieldErrors: { lines: 'no_lines', windowStartsAt: 'window' } });
  });
});

describe('the desk forms', () => {
  it('check-in: an outcome per line, a reason for a refusal', () => {
    expect(parseCheckInForm(form({ storeId: '3', code: 'R-ABCDEF', outcome_1: 'resellable', outcome_2: 'refused', refusal_2: ' Worn ' }))).toEqual({
      ok: true,
      value: {
        storeId: 3,
        code: 'R-ABCDEF',
        lines: [
          { returnLineId: 1, outcome: 'resellable', refusalReason: null },
          { returnLineId: 2, outcome: 'refused', refusalReason: 'Worn' },
        ],
      },
    });
    expect(parseCheckInForm(form({ storeId: '3', code: 'R-ABCDEF', outcome_2: 'refused', refusal_2: '' }))).toEqual({
      ok: false,
      fieldErrors: { refusal_2: 'refusal_reason' },
    });
    expect(parseCheckInForm(form({ storeId: '3', code: 'R-ABCDEF', outcome_2: 'lost' }))).toEqual({ ok: false, fieldErrors: { outcome_2: 'outcome' } });
  });

  it('walk-in: quantities, reasons and outcomes by order line', () => {
    const parsed = parseWalkInForm(
      form({
        storeId: '3',
        orderNumber: 'cmd-abcdefgh',
        refund: 'original',
        idempotencyKey: 'walk-in-key-1',
        qty_9: '1',
        reason_9: 'defective',
        outcome_9: 'damaged',
      }),
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        storeId: 3,
        orderNumber: 'cmd-abcdefgh',
        refund: 'original',
        idempotencyKey: 'walk-in-key-1',
        lines: [{ orderLineId: 9, quantity: 1, reason: 'defective', outcome: 'damaged', refusalReason: null }],
      },
    });
    expect(parseWalkInForm(form({ storeId: '3', orderNumber: 'x', idempotencyKey: 'walk-in-key-1', qty_9: '1', reason_9: 'other' }))).toEqual({
      ok: false,
      fieldErrors: { outcome_9: 'outcome' },
    });
  });
});

describe('the GET queries', () => {
  it('windows: ?store=<id>', () => {
    expect(parseWindowsQuery(new URLSearchParams('store=12'))).toEqual({ ok: true, store: 12 });
    expect(parseWindowsQuery(new URLSearchParams(''))).toEqual({ ok: false, error: 'store is required' });
    expect(parseWindowsQuery(new URLSearchParams('store=0'))).toMatchObject({ ok: false });
    expect(parseWindowsQuery(new URLSearchParams('store=99999999999'))).toMatchObject({ ok: false });
  });

  it('desks: a position or a postcode / town', () => {
    expect(parseDesksQuery(new URLSearchParams('lat=45.76&lng=4.83'))).toEqual({ ok: true, at: { lat: 45.76, lng: 4.83 } });
    expect(parseDesksQuery(new URLSearchParams('q=69003'))).toEqual({ ok: true, at: { q: '69003' } });
    expect(parseDesksQuery(new URLSearchParams('lat=91&lng=0'))).toMatchObject({ ok: false });
    expect(parseDesksQuery(new URLSearchParams(''))).toMatchObject({ ok: false });
  });
});
