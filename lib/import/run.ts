import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { importCategories, importPictures, importPrices, importProducts, importSkus, skuIdsByEan } from '@/lib/catalog/import-rows';
import { getDb, transaction, type Db } from '@/lib/db';
import { PG_UNIQUE_VIOLATION, pgConstraint, pgErrorCode } from '@/lib/errors';
import { isSafeText } from '@/lib/input/text';
import type { Locale } from '@/lib/i18n/config';
import { importStock } from '@/lib/inventory/import-rows';
import { importStores, locationIdsByName, type StoreImport, type Weekday } from '@/lib/stores/import-rows';
import { refusal, type ImportRefusal } from './messages';
import { readRows, type RawRow } from './parse';
import { plainStockCsv, type StockColumns } from './plain-stock';
import { storeRemotePictures } from './remote-pictures';
import { IMPORT_KINDS, ROW_KEYS, WEEKDAYS, importRowSchemas, plainStockRow, type ImportKind, type ImportRow, type StoreRow } from './rows';
import { imports, type StoredRefusal } from './schema';

/*
 * THE way bulk writes enter Comptoir: the back office's import page, the API (lib/api) and the seed
 * all call runImport. A file is read (CSV or JSON), every row validated by its kind's schema
 * (lib/import/rows.ts), then applied in ONE transaction by the owning domains' set-wise writers
 * (lib/catalog, lib/stores, lib/inventory …/import-rows.ts): any refusal, from validation or from
 * the database (an unknown EAN, a count below reserved units), and nothing is written. Each
 * writer compares before it writes, so the same file twice changes nothing; a file with stock
 * movements is keyed (the hash of its content, or the caller's key), so it never applies twice,
 * also when two uploads of it race. Every import, refused ones included, joins the history
 * (`imports`): the import's audit trail.
 *
 * No 'server-only' here (index.ts has it): the seed and the bench run this under tsx.
 */

export type ImportActor = { type: 'user'; userId: number } | { type: 'api_key'; keyId: number } | { type: 'seed' };

export type ImportInput = {
  kind: ImportKind;
  format: 'csv' | 'json';
  /** The file's text (CSV), or its JSON text, or the JSON rows already parsed (the API). */
  body: string | unknown[];
  actor: ImportActor;
  locale: Locale;
  fileName?: string;
  /** The caller's idempotency key: an import already done with it answers 'unchanged'. */
  key?: string;
  /** Pictures sent with a pictures file (the back office's form), by file name: rows name them in `url`. */
  pictureFiles?: ReadonlyMap<string, Uint8Array>;
};

export type ImportReport = {
  importId: number | null;
  status: 'applied' | 'unchanged' | 'refused';
  rows: number;
  changed: number;
  refusals: ImportRefusal[];
};

/** The refusals a report and the history keep: enough to fix a file, never a megabyte of JSON. */
export const MAX_REFUSALS = 1_000;

export function isImportKind(value: unknown): value is ImportKind {
  return typeof value === 'string' && (IMPORT_KINDS as readonly string[]).includes(value);
}

class Refused extends Error {
  constructor(readonly refusals: ImportRefusal[]) {
    super('import refused');
  }
}

type Valid<K extends ImportKind> = { line: number; row: ImportRow[K] }[];

/** Every row through its schema; each issue a refusal on the row's line and the issue's column. */
export function validateRows<K extends ImportKind>(kind: K, raw: RawRow[], locale: Locale): { rows: Valid<K>; refusals: ImportRefusal[] } {
  const schema = importRowSchemas[kind] as unknown as {
    safeParse(
      v: unknown,
    ): { success: true; data: ImportRow[K] } | { success: false; error: { issues: { code: string; path: PropertyKey[]; message: string; keys?: string[] }[] } };
  };
  const rows: Valid<K> = [];
  const refusals: ImportRefusal[] = [];
  const firstLine = new Map<string, Map<string | number, number>>();
  const plain = kind === 'stock' ? plainStockRow : null;
  for (const { line, values } of raw) {
    const quick = plain?.(values);
    const parsed = quick ? { success: true as const, data: quick as ImportRow[K] } : schema.safeParse(values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        if (issue.code === 'unrecognized_keys') for (const key of issue.keys ?? []) refusals.push(refusal(locale, line, columnName(key), 'unknown_column'));
        else refusals.push(refusal(locale, line, issue.path.length > 0 ? String(issue.path[0]) : null, issue.message));
      }
      continue;
    }
    const { column, scope, value } = (ROW_KEYS[kind] as (r: ImportRow[K]) => { column: string; scope: string; value: string | number })(parsed.data);
    let seen = firstLine.get(scope);
    if (!seen) firstLine.set(scope, (seen = new Map()));
    const first = seen.get(value);
    if (first !== undefined) refusals.push(refusal(locale, line, column, 'duplicate', { first, column }));
    else seen.set(value, line);
    rows.push({ line, row: parsed.data });
  }
  return { rows, refusals };
}

/** A column as the file names it, fit to show and store (a header may hold anything). */
const columnName = (key: string) => (isSafeText(key) ? key.slice(0, 100) : '?');

const hashOf = (body: string | unknown[]) =>
  createHash('sha256')
    .update(typeof body === 'string' ? body : JSON.stringify(body))
    .digest('hex');

function stored(refusals: ImportRefusal[], locale: Locale): StoredRefusal[] {
  if (refusals.length <= MAX_REFUSALS) return refusals;
  return [...refusals.slice(0, MAX_REFUSALS), refusal(locale, 0, null, 'more_refusals', { count: refusals.length - MAX_REFUSALS })];
}

/** Applies one file's valid rows inside `tx`: the number of rows that changed, or Refused. */
async function apply(tx: Db, kind: ImportKind, valid: Valid<ImportKind>, stock: StockColumns | null, locale: Locale): Promise<number> {
  const refuse = (indexes: number[], column: string, code: string, values?: (i: number) => Record<string, string | number>) => {
    if (indexes.length > 0) throw new Refused(indexes.map((i) => refusal(locale, valid[i]!.line, column, code, values?.(i))));
  };
  switch (kind) {
    case 'categories':
      return (
        await importCategories(
          tx,
          (valid as Valid<'categories'>).map((v) => v.row),
        )
      ).changed;
    case 'products': {
      const r = await importProducts(
        tx,
        (valid as Valid<'products'>).map((v) => v.row),
      );
      refuse(r.unknownDepartment, 'department', 'unknown_department');
      return r.changed;
    }
    case 'skus': {
      const r = await importSkus(
        tx,
        (valid as Valid<'skus'>).map((v) => v.row),
      );
      refuse(r.unknownProduct, 'product', 'unknown_product');
      return r.changed;
    }
    case 'prices': {
      const r = await importPrices(
        tx,
        (valid as Valid<'prices'>).map((v) => v.row),
      );
      refuse(r.unknownEan, 'ean', 'unknown_ean');
      return r.changed;
    }
    case 'pictures': {
      const byProduct = new Map<string, { line: number; pictures: { position: number; url: string }[] }>();
      for (const { line, row } of valid as Valid<'pictures'>) {
        const entry = byProduct.get(row.product) ?? { line, pictures: [] };
        entry.pictures.push({ position: row.position, url: row.url });
        byProduct.set(row.product, entry);
      }
      const products = [...byProduct].map(([product, e]) => ({
        product,
        line: e.line,
        rows: e.pictures.length,
        urls: e.pictures.sort((a, b) => a.position - b.position).map((p) => p.url),
      }));
      const r = await importPictures(tx, products);
      if (r.unknownProduct.length > 0) {
        const unknown = new Set(r.unknownProduct.map((i) => products[i]!.product));
        throw new Refused(
          (valid as Valid<'pictures'>).filter((v) => unknown.has(v.row.product)).map((v) => refusal(locale, v.line, 'product', 'unknown_product')),
        );
      }
      return r.changed;
    }
    case 'stores': {
      const r = await importStores(
        tx,
        (valid as Valid<'stores'>).map((v) => storeImport(v.row)),
      );
      refuse(r.codeTaken, 'code', 'code_taken');
      return r.changed;
    }
    case 'stock':
      return applyStock(tx, stock ?? stockColumns(valid as Valid<'stock'>), locale);
  }
}

/** A stock file's valid rows as the columns the stock writer takes (the general way's rows). */
function stockColumns(valid: Valid<'stock'>): StockColumns {
  return {
    line: valid.map((v) => v.line),
    store: valid.map((v) => v.row.store),
    ean: valid.map((v) => v.row.ean),
    quantity: valid.map((v) => v.row.quantity),
    isCount: valid.map((v) => v.row.mode === 'count'),
  };
}

/** Applies a stock file inside `tx`: the number of rows that changed, or Refused. */
async function applyStock(tx: Db, rows: StockColumns, locale: Locale): Promise<number> {
  const [skus, places] = await Promise.all([skuIdsByEan(tx, rows.ean), locationIdsByName(tx, rows.store)]);
  const unknown: ImportRefusal[] = [];
  rows.line.forEach((line, i) => {
    if (!places.has(rows.store[i]!)) unknown.push(refusal(locale, line, 'store', 'unknown_store'));
    if (!skus.has(rows.ean[i]!)) unknown.push(refusal(locale, line, 'ean', 'unknown_ean'));
  });
  if (unknown.length > 0) throw new Refused(unknown);
  const r = await importStock(tx, {
    locationId: rows.store.map((s) => places.get(s)!),
    skuId: rows.ean.map((e) => skus.get(e)!),
    quantity: rows.quantity,
    isCount: rows.isCount,
  });
  if (r.refused.length > 0) {
    throw new Refused(
      r.refused.map((x) => {
        const line = rows.line[x.index]!;
        if (x.mode === 'movement') return refusal(locale, line, 'quantity', 'below_reserved', { reserved: x.reserved });
        return x.reserved > rows.quantity[x.index]!
          ? refusal(locale, line, 'quantity', 'reserved_exceeds_count', { reserved: x.reserved })
          : refusal(locale, line, 'quantity', 'changed_meanwhile');
      }),
    );
  }
  return r.changed;
}

function storeImport(row: StoreRow): StoreImport {
  const given = WEEKDAYS.some((d) => row[d] !== undefined);
  return {
    slug: row.slug,
    code: row.code,
    name: row.name,
    format: row.format,
    address: row.address,
    town: row.town,
    postcode: row.postcode,
    lat: row.lat,
    lng: row.lng,
    phone: row.phone,
    services: row.services && {
      clickReserve: row.services.includes('click_reserve'),
      drive: row.services.includes('drive'),
      returnsDesk: row.services.includes('returns_desk'),
      phoneOrders: row.services.includes('phone_orders'),
    },
    hours: given ? WEEKDAYS.flatMap((d, i) => (row[d] ?? []).map((h) => ({ weekday: (i + 1) as Weekday, ...h }))) : undefined,
  };
}

type HistoryRow = Omit<typeof imports.$inferInsert, 'id' | 'createdAt'>;

function historyOf(
  input: ImportInput,
  contentHash: string,
): Pick<HistoryRow, 'kind' | 'format' | 'actorType' | 'actorUserId' | 'actorKeyId' | 'fileName' | 'contentHash'> {
  const { actor } = input;
  return {
    kind: input.kind,
    format: input.format,
    actorType: actor.type,
    actorUserId: actor.type === 'user' ? actor.userId : null,
    actorKeyId: actor.type === 'api_key' ? actor.keyId : null,
    fileName: input.fileName && isSafeText(input.fileName) ? input.fileName.slice(0, 255) : null,
    contentHash,
  };
}

/**
 * Names this import and who made it for the audit triggers (migration 0035), for the rest of the
 * transaction: every product and SKU it creates or changes gets its audit line, as a back-office edit
 * does. The seed's import is not audited (the tables' first rows, not anyone's change).
 */
async function auditUnder(db: Db, actor: ImportActor, importId: number): Promise<void> {
  if (actor.type === 'seed') return;
  // Raw SQL: one call of the database function that names the import and its actor (person or API key, by name) for the triggers.
  await db.execute(
    sql`SELECT comptoir_import_audit_begin(${importId}::int, ${actor.type}::text, ${actor.type === 'user' ? actor.userId : null}::int, ${actor.type === 'api_key' ? actor.keyId : null}::int)`,
  );
}

async function record(db: Db, row: HistoryRow): Promise<number> {
  const [written] = await db.insert(imports).values(row).returning({ id: imports.id });
  return written!.id;
}

/**
 * The import inside the caller's transaction (the seed's): applies or throws. For everyone else,
 * runImport, which opens the transaction and reports refusals instead.
 */
export async function importWithin(tx: Db, input: ImportInput): Promise<ImportReport> {
  const report = await runIn(tx, input);
  if (report.status === 'refused') throw new Error(`import of ${input.kind} refused: ${JSON.stringify(report.refusals.slice(0, 5))}`);
  return report;
}

async function runIn(tx: Db | null, input: ImportInput): Promise<ImportReport> {
  const { kind, locale } = input;
  const contentHash = hashOf(input.body);
  const base = historyOf(input, contentHash);
  const refused = async (rows: number, refusals: ImportRefusal[]): Promise<ImportReport> => {
    const kept = stored(refusals, locale);
    const row: HistoryRow = { ...base, status: 'refused', rows, changed: 0, refusals: kept };
    const importId = tx ? null : await record(await getDb(), row);
    return { importId, status: 'refused', rows, changed: 0, refusals: kept };
  };

  // A stock CSV whose rows are all plainly right goes straight into columns (the nightly file's way);
  // any other file is read and validated row by row.
  const plainStock = kind === 'stock' && input.format === 'csv' && typeof input.body === 'string' ? plainStockCsv(input.body) : null;
  let valid: Valid<ImportKind> = [];
  if (!plainStock) {
    const read =
      typeof input.body === 'string'
        ? readRows(input.format, input.body, locale)
        : { rows: input.body.map((v, i) => ({ line: i + 1, values: v as Record<string, unknown> })) };
    if ('refusal' in read) return refused(0, [read.refusal]);
    if (read.rows.some((r) => typeof r.values !== 'object' || r.values === null || Array.isArray(r.values))) {
      const i = read.rows.findIndex((r) => typeof r.values !== 'object' || r.values === null || Array.isArray(r.values));
      return refused(read.rows.length, [refusal(locale, i + 1, null, 'not_an_object')]);
    }
    const validated = validateRows(kind, read.rows, locale);
    if (validated.refusals.length > 0) return refused(read.rows.length, validated.refusals);
    valid = validated.rows;
  }
  const stock = plainStock ?? (kind === 'stock' ? stockColumns(valid as Valid<'stock'>) : null);
  const rowCount = stock ? stock.line.length : valid.length;
  // Pictures named by an http(s) address or sent with the file: resized and stored first, kept by their own address.
  if (kind === 'pictures') {
    const unfetched = await storeRemotePictures(valid as Valid<'pictures'>, locale, input.pictureFiles);
    if (unfetched.length > 0) return refused(rowCount, unfetched);
  }

  // A movement must not apply twice: the file is keyed by its content (or the caller's key).
  const movements = stock !== null && stock.isCount.some((c) => !c);
  const key = input.key ?? (movements ? `stock:${contentHash}` : null);

  const work = async (db: Db): Promise<ImportReport> => {
    let importId: number | null = null;
    if (key !== null) {
      const [claimed] = await db
        .insert(imports)
        .values({ ...base, key, status: 'applied', rows: rowCount, changed: 0 })
        .onConflictDoNothing({ target: imports.key })
        .returning({ id: imports.id });
      if (!claimed) {
        // The key's first file, again: nothing more to do. Another file under the same key is
        // refused rather than answered with the first one's result.
        const [first] = await db.select({ kind: imports.kind, contentHash: imports.contentHash }).from(imports).where(eq(imports.key, key));
        if (first && (first.kind !== kind || first.contentHash !== contentHash)) throw new Refused([refusal(locale, 0, null, 'key_reused')]);
        const id = await record(db, { ...base, status: 'unchanged', rows: rowCount, changed: 0 });
        return { importId: id, status: 'unchanged', rows: rowCount, changed: 0, refusals: [] };
      }
      importId = claimed.id;
    } else importId = await record(db, { ...base, status: 'applied', rows: rowCount, changed: 0 });
    await auditUnder(db, input.actor, importId);
    const changed = await apply(db, kind, valid, stock, locale);
    const status = changed > 0 ? 'applied' : 'unchanged';
    await db
      .update(imports)
      .set({ status, changed })
      .where(sql`${imports.id} = ${importId}`);
    return { importId, status, rows: rowCount, changed, refusals: [] };
  };

  if (tx) {
    try {
      return await work(tx);
    } catch (err) {
      if (err instanceof Refused) return { importId: null, status: 'refused', rows: rowCount, changed: 0, refusals: stored(err.refusals, locale) };
      throw err;
    }
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction(work);
    } catch (err) {
      if (err instanceof Refused) return refused(rowCount, err.refusals);
      // The stock's CHECK (nothing reserved that is not on the shelf) caught a race the checks could not see.
      if (pgErrorCode(err) === '23514') return refused(rowCount, [refusal(locale, 0, null, 'changed_meanwhile')]);
      // Another writer created a stock row this file was inserting (lib/inventory/import-rows.ts
      // inserts new rows without an upsert): the file again, which now finds the row and counts it.
      if (pgErrorCode(err) === PG_UNIQUE_VIOLATION && pgConstraint(err) === 'stock_location_id_sku_id_pk') {
        if (attempt < 3) continue;
        return refused(rowCount, [refusal(locale, 0, null, 'changed_meanwhile')]);
      }
      throw err;
    }
  }
}

/** Imports one file: applied whole, or refused with every reason, each on its line and column. */
export async function runImport(input: ImportInput): Promise<ImportReport> {
  if (!isImportKind(input.kind)) throw new Error(`unknown import kind ${String(input.kind)}`);
  return runIn(null, input);
}
