import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineReader, readRows } from './parse';
import { importRowSchemas, isPictureUrl, parseDayHours, plainStockRow } from './rows';

describe('the stock rows read without zod', () => {
  const cell = fc.oneof(
    fc.constantFrom('4006381333931', '4006381333932', ' 4006381333931', '0', '-1', '+3', '007', '100000', '100001', '-100000', '-100001', '1.5', '', ' '),
    fc.constantFrom('count', 'movement', ' count', 'COUNT', 'lyon', 'WEB', 'x'.repeat(121), 'a\u0000b'),
    fc.integer({ min: -200_000, max: 200_000 }),
    fc.string({ maxLength: 6 }),
  );
  const row = fc.dictionary(fc.constantFrom('store', 'ean', 'quantity', 'mode', 'colour'), cell, { minKeys: 3, maxKeys: 5 });

  it('accept exactly what the schema accepts, with the same values, or leave the row to the schema', () => {
    fc.assert(
      fc.property(row, (values) => {
        const quick = plainStockRow(values);
        if (quick === null) return; // the schema decides, with its message
        expect(importRowSchemas.stock.safeParse(values)).toEqual({ success: true, data: quick });
      }),
      { numRuns: 2_000 },
    );
    expect(plainStockRow({ store: 'lyon', ean: '4006381333931', quantity: '12', mode: 'count' })).toEqual({
      store: 'lyon',
      ean: '4006381333931',
      quantity: 12,
      mode: 'count',
    });
    expect(plainStockRow({ store: 'lyon', ean: '4006381333931', quantity: '-1', mode: 'count' })).toBeNull();
  });
});

describe('reading a text line by line', () => {
  const all = (text: string) => {
    const lines = lineReader(text);
    const out: [number, string][] = [];
    for (let line = lines.next(); line !== null; line = lines.next()) out.push([lines.lineNo, line]);
    return out;
  };

  it('gives each line without its LF or CRLF, numbered from 1, a last line ending the text included', () => {
    expect(all('a;b\r\n1;2\n\n3;4')).toEqual([
      [1, 'a;b'],
      [2, '1;2'],
      [3, ''],
      [4, '3;4'],
    ]);
    expect(all('a\n')).toEqual([
      [1, 'a'],
      [2, ''],
    ]);
    expect(all('')).toEqual([[1, '']]);
    expect(all('\r\n')).toEqual([
      [1, ''],
      [2, ''],
    ]);
  });

  // A CR that ends the text is dropped too, as a spreadsheet's last CRLF cut short (the readers did so before).
  it('agrees with splitting the text on line breaks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', ';', '\n', '\r\n', '\r', 'é')).map((parts) => parts.join('')),
        (text) => {
          expect(all(text)).toEqual(
            text
              .replace(/\r$/, '')
              .split(/\r?\n/)
              .map((line, i) => [i + 1, line]),
          );
        },
      ),
    );
  });
});

describe('reading a CSV file', () => {
  it('gives the same rows and lines without quotes (split) as with them (csv-parse)', () => {
    const plain = readRows('csv', 'EAN;Price\r\n4006381333931;12,50\r\n\r\n4006381333948;13\r\n', 'en');
    const quoted = readRows('csv', '"EAN";"Price"\r\n4006381333931;"12,50"\r\n\r\n4006381333948;13\r\n', 'en');
    expect(plain).toEqual({
      rows: [
        { line: 2, values: { ean: '4006381333931', price: '12,50' } },
        { line: 4, values: { ean: '4006381333948', price: '13' } },
      ],
    });
    expect(quoted).toEqual(plain);
  });

  it('refuses a row with a value too many, on its line, and a quoted value may span lines', () => {
    expect(readRows('csv', 'ean,price\n1,2\n3,4,5\n', 'en')).toMatchObject({ refusal: { line: 3, code: 'bad_csv' } });
    expect(readRows('csv', 'ean,price\n1,"two\nlines"\n3,4\n', 'en')).toEqual({
      rows: [
        { line: 2, values: { ean: '1', price: 'two\nlines' } },
        { line: 4, values: { ean: '3', price: '4' } },
      ],
    });
  });
});

describe('values', () => {
  it('hours: intervals in order, closed when empty', () => {
    expect(parseDayHours('09:30-12:30 14:00-19:00')).toEqual([
      { opens: '09:30', closes: '12:30' },
      { opens: '14:00', closes: '19:00' },
    ]);
    expect(parseDayHours('fermé')).toEqual([]);
    expect(parseDayHours('14:00-19:00 09:30-12:30')).toBeNull();
    expect(parseDayHours('19:00-09:00')).toBeNull();
  });

  it('picture addresses: a path here or http(s), nothing else', () => {
    expect(isPictureUrl('/img/p/shoe-1.svg')).toBe(true);
    expect(isPictureUrl('https://cdn.example.com/a.jpg')).toBe(true);
    for (const bad of ['//evil.example/a.jpg', 'javascript:alert(1)', '/img/../../etc/passwd', 'ftp://x/a.jpg', 'https://user:pw@x/a.jpg', 'img/p/a.svg'])
      expect(isPictureUrl(bad), bad).toBe(false);
  });
});

describe('refusals in the importer’s language', () => {
  it('write bounds as each language does', async () => {
    const { sayRefusal } = await import('./messages');
    expect(sayRefusal('en', 'invalid_whole?min=0&max=100000').message).toBe('A whole number from 0 to 100,000 is expected.');
    expect(sayRefusal('fr', 'invalid_whole?min=0&max=100000').message).toMatch(/^Nombre entier attendu, de 0 à 100\s000\.$/u);
  });
});
