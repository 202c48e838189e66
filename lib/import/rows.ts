import { z } from 'zod';
import { isValidEan13 } from '@/lib/barcode/ean13';
import { isSafeText } from '@/lib/input/text';

/*
 * The rows of each kind of import, one zod schema per kind (`importRowSchemas`): the same rows
 * whether they come from a CSV file (every value a string, '' for an empty cell) or a JSON array
 * (numbers and booleans as such). docs/import.md documents them column by column; the API
 * (lib/api) turns these very schemas into its OpenAPI description.
 *
 * A refused value's issue message is a code of lib/i18n/dict/imports.ts, with its values as a
 * query string ('invalid_whole?min=0&max=100000'): lib/import/messages.ts says it in the
 * importer's language, on the row's line and the issue's column.
 */

export const IMPORT_KINDS = ['categories', 'products', 'skus', 'prices', 'pictures', 'stores', 'stock'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const MAX_COUNT = 100_000;
export const MAX_MOVEMENT = 100_000;
export const MAX_PRICE_CENTS = 10_000_000;

const code = (name: string, params?: Record<string, string | number>) =>
  params ? `${name}?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}` : name;

/** An empty CSV cell, or null in JSON: absent. */
const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const absentIfBlank = (v: unknown) => (blank(v) ? undefined : v);
const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v);

/** Text of at most `max` characters, trimmed, that the database can store. */
function text(max: number) {
  return z.preprocess(
    (v) => (blank(v) ? undefined : typeof v === 'number' ? String(v) : trimmed(v)),
    z
      .string({ error: (i) => (i.input === undefined ? code('required') : code('invalid_text')) })
      .max(max, { error: code('text_too_long', { max }) })
      .refine(isSafeText, { error: code('invalid_text') }),
  );
}

function optionalText(max: number) {
  return z.preprocess(absentIfBlank, text(max).optional());
}

/** A text that may be empty on purpose (a SKU without size): '' and null read as null. */
function nullableText(max: number) {
  return z
    .preprocess((v) => (blank(v) ? null : v), text(max).nullable())
    .optional()
    .transform((v) => v ?? null);
}

const slug = z.preprocess(
  (v) => (blank(v) ? undefined : trimmed(v)),
  z
    .string({ error: code('required') })
    .max(120, { error: code('text_too_long', { max: 120 }) })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: code('invalid_slug') }),
);

const ean = z.preprocess(
  (v) => (blank(v) ? undefined : typeof v === 'number' ? String(v) : trimmed(v)),
  z.string({ error: code('required') }).refine((s) => isValidEan13(s), { error: code('invalid_ean') }),
);

/** A whole number from min to max: 12 or "12". */
function whole(min: number, max: number) {
  const issue = code('invalid_whole', { min, max });
  return z.preprocess(
    (v) => (blank(v) ? undefined : typeof v === 'string' && /^[+-]?\d+$/.test(v.trim()) ? Number(v.trim()) : v),
    z
      .number({ error: (i) => (i.input === undefined ? code('required') : issue) })
      .int({ error: issue })
      .min(min, { error: issue })
      .max(max, { error: issue }),
  );
}

function optionalWhole(min: number, max: number) {
  return z.preprocess(absentIfBlank, whole(min, max).optional());
}

const yes = new Set(['true', 'yes', 'oui', '1', 'y', 'o']);
const no = new Set(['false', 'no', 'non', '0', 'n']);
const optionalBoolean = z.preprocess(
  (v) => {
    if (blank(v)) return undefined;
    if (typeof v === 'string') {
      const s = v.trim().toLowerCase();
      return yes.has(s) ? true : no.has(s) ? false : v;
    }
    return v;
  },
  z.boolean({ error: code('invalid_boolean') }).optional(),
);

/** Euros as the retailer writes them: "19.99", "19,99", "19", or 19.99 in JSON; read as cents. */
const euros = z.preprocess(
  (v) => {
    if (blank(v)) return undefined;
    const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim().replace(',', '.') : null;
    if (s === null || !/^\d{1,6}(?:\.\d{1,2})?$/.test(s)) return Number.NaN;
    const [units, decimals = ''] = s.split('.');
    return Number(units) * 100 + Number(decimals.padEnd(2, '0'));
  },
  z
    .number({ error: (i) => (i.input === undefined ? code('required') : code('invalid_price')) })
    .int({ error: code('invalid_price') })
    .min(1, { error: code('invalid_price') })
    .max(MAX_PRICE_CENTS, { error: code('invalid_price') })
    .optional(),
);

const cents = z.preprocess(
  (v) => (blank(v) ? undefined : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v.trim()) : typeof v === 'number' ? v : Number.NaN),
  z
    .number({ error: code('invalid_price_cents') })
    .int({ error: code('invalid_price_cents') })
    .min(1, { error: code('invalid_price_cents') })
    .max(MAX_PRICE_CENTS, { error: code('invalid_price_cents') })
    .optional(),
);

/** `price` (euros) or `price_cents`, exactly one: the row gains `priceCents`. */
function withPrice<T extends z.ZodRawShape>(shape: T) {
  return z
    .strictObject({ ...shape, price: euros, price_cents: cents })
    .superRefine((row, ctx) => {
      const r = row as { price?: number; price_cents?: number };
      if (r.price === undefined && r.price_cents === undefined) ctx.addIssue({ code: 'custom', path: ['price'], message: code('required') });
      if (r.price !== undefined && r.price_cents !== undefined) ctx.addIssue({ code: 'custom', path: ['price_cents'], message: code('price_twice') });
    })
    .transform((row) => {
      const { price, price_cents, ...rest } = row as { price?: number; price_cents?: number } & z.output<z.ZodObject<T>>;
      return { ...(rest as z.output<z.ZodObject<T>>), priceCents: (price ?? price_cents) as number };
    });
}

/** A path served by this site (/img/p/…), an absolute http(s) address, or the name of a picture sent with the file (photo.jpg). */
const pictureUrl = z.preprocess(
  (v) => (blank(v) ? undefined : trimmed(v)),
  z
    .string({ error: (i) => (i.input === undefined ? code('required') : code('invalid_url')) })
    .max(2048, { error: code('text_too_long', { max: 2048 }) })
    .refine(isPictureUrl, { error: code('invalid_url') }),
);

/** A picture sent with the file, named in its row: a plain file name, no folder. */
export const isPictureFileName = (value: string) => /^[\w][\w.-]{0,199}\.(jpe?g|png|webp)$/i.test(value);

export function isPictureUrl(value: string): boolean {
  if (!isSafeText(value) || /\s/.test(value)) return false;
  if (isPictureFileName(value)) return true;
  if (value.startsWith('/')) return !value.startsWith('//') && !value.includes('\\') && !value.split(/[?#]/)[0]!.split('/').includes('..');
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Interval = { opens: string; closes: string };

/** "09:00-12:30 14:00-19:00" → its intervals, in order and apart; "", "closed" or "fermé": none. */
export function parseDayHours(value: string): Interval[] | null {
  const s = value.trim().toLowerCase();
  if (s === '' || s === 'closed' || s === 'fermé' || s === 'ferme') return [];
  const out: Interval[] = [];
  for (const part of s.split(/[\s,;]+/)) {
    const m = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/.exec(part);
    if (!m) return null;
    const opens = `${m[1]}:${m[2]}`;
    const closes = `${m[3]}:${m[4]}`;
    if (opens >= closes || (out.length > 0 && out[out.length - 1]!.closes > opens)) return null;
    out.push({ opens, closes });
  }
  return out;
}

const dayHours = z.preprocess(
  (v) => (v === undefined || v === null ? undefined : v),
  z
    .string({ error: code('invalid_hours') })
    .transform((s, ctx) => {
      const parsed = parseDayHours(s);
      if (parsed === null) {
        ctx.addIssue({ code: 'custom', message: code('invalid_hours') });
        return z.NEVER;
      }
      return parsed;
    })
    .optional(),
);

export const SERVICES = ['click_reserve', 'drive', 'returns_desk', 'phone_orders'] as const;
export type Service = (typeof SERVICES)[number];

const services = z.preprocess(
  (v) => (v === undefined || v === null ? undefined : Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[\s,;|]+/).filter(Boolean) : v),
  z.array(z.enum(SERVICES, { error: code('invalid_services') }), { error: code('invalid_services') }).optional(),
);

const number = (min: number, max: number, issue: string) =>
  z.preprocess(
    (v) => (blank(v) ? undefined : typeof v === 'string' ? (/^[+-]?\d+(?:[.,]\d+)?$/.test(v.trim()) ? Number(v.trim().replace(',', '.')) : Number.NaN) : v),
    z
      .number({ error: (i) => (i.input === undefined ? code('required') : code(issue)) })
      .min(min, { error: code(issue) })
      .max(max, { error: code(issue) }),
  );

export const importRowSchemas = {
  categories: z.strictObject({
    slug,
    name_fr: text(120),
    name_en: text(120),
    position: optionalWhole(0, 10_000),
  }),
  products: z.strictObject({
    slug,
    department: slug,
    brand: text(80),
    name_fr: text(200),
    name_en: text(200),
    description_fr: text(4000),
    description_en: text(4000),
    withdrawn: optionalBoolean,
  }),
  skus: withPrice({
    product: slug,
    ean,
    size: nullableText(40),
    colour: nullableText(40),
    position: optionalWhole(0, 10_000),
  }),
  prices: withPrice({ ean }),
  pictures: z.strictObject({
    product: slug,
    position: whole(0, 99),
    url: pictureUrl,
  }),
  stores: z.strictObject({
    slug,
    code: z.preprocess(
      (v) => (blank(v) ? undefined : trimmed(v)),
      z
        .string({ error: code('invalid_code') })
        .max(40, { error: code('text_too_long', { max: 40 }) })
        .regex(/^[A-Z0-9]+(?:-[A-Z0-9]+)*$/, { error: code('invalid_code') })
        .optional(),
    ),
    name: text(120),
    format: z.preprocess(absentIfBlank, z.enum(['hyper', 'city', 'outlet'], { error: code('invalid_format') }).optional()),
    address: text(200),
    town: text(120),
    postcode: z.preprocess(
      (v) => (blank(v) ? undefined : typeof v === 'number' ? String(v).padStart(5, '0') : trimmed(v)),
      z.string({ error: code('required') }).regex(/^\d{5}$/, { error: code('invalid_postcode') }),
    ),
    lat: number(-90, 90, 'invalid_latitude'),
    lng: number(-180, 180, 'invalid_longitude'),
    phone: optionalText(40),
    services,
    mon: dayHours,
    tue: dayHours,
    wed: dayHours,
    thu: dayHours,
    fri: dayHours,
    sat: dayHours,
    sun: dayHours,
  }),
  stock: z
    .strictObject({
      store: z.preprocess(
        (v) => (blank(v) ? undefined : trimmed(v)),
        z
          .string({ error: code('required') })
          .max(120, { error: code('text_too_long', { max: 120 }) })
          .refine(isSafeText, { error: code('invalid_text') }),
      ),
      ean,
      quantity: whole(-MAX_MOVEMENT, MAX_COUNT),
      mode: z.preprocess(
        (v) => (blank(v) ? undefined : trimmed(v)),
        z.enum(['count', 'movement'], { error: (i) => (i.input === undefined ? code('required') : code('invalid_mode')) }),
      ),
    })
    .superRefine((row, ctx) => {
      if (row.mode === 'count' && row.quantity < 0)
        ctx.addIssue({ code: 'custom', path: ['quantity'], message: code('invalid_whole', { min: 0, max: MAX_COUNT }) });
    }),
} as const;

export type StoreRow = {
  slug: string;
  code?: string;
  name: string;
  format?: 'hyper' | 'city' | 'outlet';
  address: string;
  town: string;
  postcode: string;
  lat: number;
  lng: number;
  phone?: string;
  services?: Service[];
} & { [D in (typeof WEEKDAYS)[number]]?: Interval[] };

export type ImportRow = {
  categories: z.output<(typeof importRowSchemas)['categories']>;
  products: z.output<(typeof importRowSchemas)['products']>;
  skus: z.output<(typeof importRowSchemas)['skus']>;
  prices: z.output<(typeof importRowSchemas)['prices']>;
  pictures: z.output<(typeof importRowSchemas)['pictures']>;
  stores: z.output<(typeof importRowSchemas)['stores']>;
  stock: z.output<(typeof importRowSchemas)['stock']>;
};

/**
 * The columns that name a row: the same key twice in one file is refused (which value would win?).
 * A key is a value within a scope (a picture's position within its product, an EAN within its
 * store): a file of 600,000 stock rows then keeps 60 small maps, not 600,000 joined strings.
 */
export const ROW_KEYS: { [K in ImportKind]: (row: ImportRow[K]) => { column: string; scope: string; value: string | number } } = {
  categories: (r) => ({ column: 'slug', scope: '', value: r.slug }),
  products: (r) => ({ column: 'slug', scope: '', value: r.slug }),
  skus: (r) => ({ column: 'ean', scope: '', value: r.ean }),
  prices: (r) => ({ column: 'ean', scope: '', value: r.ean }),
  pictures: (r) => ({ column: 'position', scope: r.product, value: r.position }),
  stores: (r) => ({ column: 'slug', scope: '', value: r.slug }),
  stock: (r) => ({ column: 'ean', scope: r.store, value: r.ean }),
};

const validEans = new Map<string, boolean>();
/** A stock file names a few dozen stores 600,000 times: each name checked once. */
const safeNames = new Map<string, boolean>();

/**
 * A stock row that is plainly right, read without zod: the same output as
 * `importRowSchemas.stock` gives, about ten times faster — a nightly file has hundreds of
 * thousands of rows over a few thousand EANs (each checked once). Anything unusual (a missing or
 * extra column, a value out of range, a number in another form) answers null and goes through the
 * schema, which says what is wrong. rows.test.ts holds the two to the same answers.
 */
export function plainStockRow(values: Record<string, unknown>): ImportRow['stock'] | null {
  let keys = 0;
  for (const k in values) {
    if (k !== 'store' && k !== 'ean' && k !== 'quantity' && k !== 'mode') return null;
    keys++;
  }
  if (keys !== 4) return null;
  const { store, ean, quantity, mode } = values as Record<string, unknown>;
  if (typeof store !== 'string' || typeof ean !== 'string' || (mode !== 'count' && mode !== 'movement')) return null;
  const name = plainStoreName(store);
  if (name === null || !plainEan(ean)) return null;
  const n = plainQuantity(quantity, mode);
  return Number.isNaN(n) ? null : { store: name, ean, quantity: n, mode };
}

/** A stock row's store, trimmed, when plainly right (plainStockRow); else null. */
export function plainStoreName(store: string): string | null {
  const name = store.trim();
  if (name === '' || name.length > 120) return null;
  let safe = safeNames.get(name);
  if (safe === undefined) {
    safe = isSafeText(name);
    if (safeNames.size < 10_000) safeNames.set(name, safe);
  }
  return safe ? name : null;
}

/** Whether a stock row's EAN is plainly right (plainStockRow); each EAN checked once. */
export function plainEan(ean: string): boolean {
  let valid = validEans.get(ean);
  if (valid === undefined) {
    valid = isValidEan13(ean);
    if (validEans.size < 1_000_000) validEans.set(ean, valid);
  }
  return valid;
}

/** A stock row's quantity when plainly right for its mode (plainStockRow); else NaN. */
export function plainQuantity(quantity: unknown, mode: 'count' | 'movement'): number {
  const n = typeof quantity === 'number' ? quantity : typeof quantity === 'string' && /^-?\d{1,6}$/.test(quantity) ? Number(quantity) : Number.NaN;
  return !Number.isSafeInteger(n) || n > MAX_COUNT || n < (mode === 'count' ? 0 : -MAX_MOVEMENT) ? Number.NaN : n;
}
