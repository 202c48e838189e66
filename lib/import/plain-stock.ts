import { lineReader, MAX_ROWS } from './parse';
import { plainEan, plainQuantity, plainStoreName } from './rows';

/** A stock file's rows as columns: what the stock writer takes, and each row's line for its refusals. */
export type StockColumns = { line: number[]; store: string[]; ean: string[]; quantity: number[]; isCount: boolean[] };

const COLUMNS = ['store', 'ean', 'quantity', 'mode'] as const;

/**
 * A stock CSV file whose every row is plainly right, read straight into columns: no object per row,
 * which for a nightly file of 600,000 rows is most of the reading's time and its garbage. The rows,
 * lines and values are those the general way gives (readRows, then validateRows with plainStockRow;
 * plain-stock.test.ts holds the two to the same answers). Null as soon as anything is unusual — a
 * quote, another header, a row not plainly right, the same store and EAN twice, no row, too many —
 * and the file goes the general way, which says what is wrong, on its line and column.
 */
export function plainStockCsv(body: string): StockColumns | null {
  const text = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body; // a spreadsheet's byte order mark
  if (text.includes('"')) return null;
  const lines = lineReader(text);
  const first = lines.next()!;
  // The delimiter as readRows chooses it: ';' when the header holds more of them than ','.
  const delimiter = first.split(';').length > first.split(',').length ? ';' : ',';
  const header = first.split(delimiter).map((h) => h.trim().toLowerCase());
  if (header.length !== COLUMNS.length) return null;
  const at = COLUMNS.map((c) => header.indexOf(c));
  if (at.some((i) => i === -1)) return null;
  const [iStore, iEan, iQuantity, iMode] = at as [number, number, number, number];

  const out: StockColumns = { line: [], store: [], ean: [], quantity: [], isCount: [] };
  // Each distinct store cell and EAN is checked once and numbered; the same (store, EAN) twice is
  // found with one bit per EAN and store, not a set of 600,000 strings.
  const stores = new Map<string, { name: string; at: number } | null>(); // by cell: ' lyon' and 'lyon' are one store
  const storeAt = new Map<string, number>(); // by name
  const eans = new Map<string, number>(); // an EAN's number, or -1 when it is not a valid EAN-13
  const seen: Uint8Array[] = [];
  for (let line = lines.next(); line !== null; line = lines.next()) {
    if (line === '') continue;
    const cells = line.split(delimiter);
    if (cells.length !== COLUMNS.length) return null;
    const mode = cells[iMode]!;
    if (mode !== 'count' && mode !== 'movement') return null;
    const storeCell = cells[iStore]!;
    let store = stores.get(storeCell);
    if (store === undefined) {
      const name = plainStoreName(storeCell);
      if (name === null) store = null;
      else {
        let at = storeAt.get(name);
        if (at === undefined) storeAt.set(name, (at = storeAt.size));
        store = { name, at };
      }
      stores.set(storeCell, store);
    }
    const ean = cells[iEan]!;
    let eanAt = eans.get(ean);
    if (eanAt === undefined) eans.set(ean, (eanAt = plainEan(ean) ? eans.size : -1));
    if (store === null || eanAt === -1) return null;
    const quantity = plainQuantity(cells[iQuantity]!, mode);
    if (Number.isNaN(quantity)) return null;
    let bits = seen[store.at];
    if (!bits || bits.length <= eanAt) {
      const grown = new Uint8Array(Math.max(1024, (eanAt + 1) * 2));
      if (bits) grown.set(bits);
      seen[store.at] = bits = grown;
    }
    if (bits[eanAt]) return null;
    bits[eanAt] = 1;
    out.line.push(lines.lineNo);
    out.store.push(store.name);
    out.ean.push(ean);
    out.quantity.push(quantity);
    out.isCount.push(mode === 'count');
  }
  return out.line.length === 0 || out.line.length > MAX_ROWS ? null : out;
}
