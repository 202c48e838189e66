import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readRows } from './parse';
import { plainStockCsv } from './plain-stock';
import { validateRows } from './run';

/** The general way: read, validate (plainStockRow, then zod), as columns; null when refused. */
function generalWay(body: string) {
  const read = readRows('csv', body, 'en');
  if ('refusal' in read) return null;
  const { rows, refusals } = validateRows('stock', read.rows, 'en');
  if (refusals.length > 0) return null;
  return {
    line: rows.map((v) => v.line),
    store: rows.map((v) => v.row.store),
    ean: rows.map((v) => v.row.ean),
    quantity: rows.map((v) => v.row.quantity),
    isCount: rows.map((v) => v.row.mode === 'count'),
  };
}

describe('a stock CSV read straight into columns', () => {
  const store = fc.constantFrom('lyon', ' lyon ', 'paris-9', 'Lyon', '', 'a\u0000b', 'x'.repeat(121), 'entrepot;nord');
  const ean = fc.constantFrom('4006381333931', '4006381333948', '4006381333932', ' 4006381333931', '');
  const quantity = fc.oneof(
    fc.constantFrom('0', '-1', '+3', '007', '100000', '100001', '-100000', '1.5', '', ' 2'),
    fc.integer({ min: -5, max: 50 }).map(String),
  );
  const mode = fc.constantFrom('count', 'count', 'movement', 'COUNT', ' count');
  const header = fc.constantFrom(
    'store,ean,quantity,mode',
    'EAN,Store,Mode,Quantity',
    ' store , ean,quantity,mode',
    'store,ean,quantity',
    'store,ean,quantity,mode,colour',
  );
  const file = fc
    .record({
      header,
      rows: fc.array(fc.tuple(store, ean, quantity, mode), { maxLength: 6 }),
      semicolons: fc.boolean(),
      crlf: fc.boolean(),
      blank: fc.boolean(),
      bom: fc.boolean(),
    })
    .map(({ header, rows, semicolons, crlf, blank, bom }) => {
      const names = header.split(',').map((h) => h.trim().toLowerCase());
      const lines = rows.map(([s, e, q, m]) =>
        names.map((n) => (n === 'store' ? s : n === 'ean' ? e : n === 'quantity' ? q : n === 'mode' ? m : 'red')).join(semicolons ? ';' : ','),
      );
      if (blank) lines.splice(1, 0, '');
      const text = [semicolons ? header.replaceAll(',', ';') : header, ...lines].join(crlf ? '\r\n' : '\n');
      return (bom ? '\ufeff' : '') + text;
    });

  it('gives the rows, lines and values the general way gives, or leaves the file to it', () => {
    fc.assert(
      fc.property(file, (body) => {
        const fast = plainStockCsv(body);
        if (fast === null) return; // the general way decides, with its refusals
        expect(generalWay(body)).toEqual(fast);
      }),
      { numRuns: 3_000 },
    );
  });

  it('takes a plainly right file, the nightly kind: nothing left to the general way', () => {
    const body = ['store;ean;quantity;mode', 'lyon;4006381333931;12;count', '', 'paris-9;4006381333931;-2;movement', 'lyon;4006381333948;0;count'].join('\r\n');
    const fast = plainStockCsv(body);
    expect(fast).toEqual({
      line: [2, 4, 5],
      store: ['lyon', 'paris-9', 'lyon'],
      ean: ['4006381333931', '4006381333931', '4006381333948'],
      quantity: [12, -2, 0],
      isCount: [true, false, true],
    });
    expect(generalWay(body)).toEqual(fast);
  });

  it('leaves to the general way a quote, the same store and EAN twice, a bad row, an empty file', () => {
    expect(plainStockCsv('store,ean,quantity,mode\n"lyon",4006381333931,1,count')).toBeNull();
    expect(plainStockCsv('store,ean,quantity,mode\nlyon,4006381333931,1,count\n lyon,4006381333931,2,count')).toBeNull();
    expect(plainStockCsv('store,ean,quantity,mode\nlyon,4006381333932,1,count')).toBeNull();
    expect(plainStockCsv('store,ean,quantity,mode\n')).toBeNull();
  });
});
