import { sql, type SQL } from 'drizzle-orm';
import { check, customType, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const categories = pgTable('categories', {
  id: serial('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  nameFr: text('name_fr').notNull(),
  nameEn: text('name_en').notNull(),
  position: integer('position').notNull().default(0),
});

export const products = pgTable(
  'products',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id),
    brand: text('brand').notNull(),
    nameFr: text('name_fr').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionFr: text('description_fr').notNull(),
    descriptionEn: text('description_en').notNull(),
    /** Paths served by the app itself (never hot-linked). */
    images: jsonb('images').$type<string[]>().notNull(),
    /** Withdrawn from sale: its page answers 404, no list or search shows it, no cart can take it. */
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    /**
     * Raised by a trigger on every change of the row (migration 0034), whoever writes it: a
     * back-office form sends the version it was read at, and its UPDATE matches only that one.
     */
    version: integer('version').notNull().default(1),
    // One document for both languages: "chaussures" (French stemmer) and "shoes" (English
    // stemmer) both match the same product; brands go through 'simple' so they are not stemmed.
    search: tsvector('search').generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('french'::regconfig, coalesce(name_fr, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(name_en, '')), 'A') || setweight(to_tsvector('simple'::regconfig, coalesce(brand, '')), 'B') || setweight(to_tsvector('french'::regconfig, coalesce(description_fr, '')), 'C') || setweight(to_tsvector('english'::regconfig, coalesce(description_en, '')), 'C')`,
    ),
    // The shoppers' search (lib/catalog/search.ts, migration 0024): folded (comptoir_fold: accents
    // off, lower case), each language in weights of its own — French name and brand A, English B,
    // French description C, English D — so a French stem never matches English text, nor the reverse.
    searchFolded: tsvector('search_folded').generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('french'::regconfig, comptoir_fold(name_fr || ' ' || brand)), 'A') || setweight(to_tsvector('english'::regconfig, comptoir_fold(name_en || ' ' || brand)), 'B') || setweight(to_tsvector('french'::regconfig, comptoir_fold(description_fr)), 'C') || setweight(to_tsvector('english'::regconfig, comptoir_fold(description_en)), 'D')`,
    ),
  },
  (t) => [
    index('products_category_idx').on(t.categoryId),
    index('products_search_idx').using('gin', t.search),
    index('products_search_folded_idx').using('gin', t.searchFolded),
  ],
);

/**
 * The words of the products on sale (names and brands), folded, with how many products use each:
 * what a misspelt word is corrected to and what "did you mean" offers. Kept by triggers on
 * products (migration 0024), whoever writes them.
 */
export const catalogSearchWords = pgTable(
  'catalog_search_words',
  {
    word: text('word').primaryKey(),
    /** As printed (accents kept): what a shopper is shown. */
    label: text('label').notNull(),
    products: integer('products').notNull(),
  },
  (t) => [
    index('catalog_search_words_trgm_idx').using('gist', t.word.op('gist_trgm_ops')),
    check('catalog_search_words_products_check', sql`${t.products} >= 0`),
  ],
);

export const skus = pgTable(
  'skus',
  {
    id: serial('id').primaryKey(),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    ean13: text('ean13').notNull().unique(),
    /** Size label as printed on the tag ("42", "M", "1 L"), null when the product has no sizes. */
    size: text('size'),
    /** Colour key ("navy"), translated in the UI; null when the product has no colours. */
    colour: text('colour'),
    /** One price for every channel, in euro cents. */
    priceCents: integer('price_cents').notNull(),
    position: integer('position').notNull().default(0),
    /** Raised by a trigger on every change of the row (migration 0034): see products.version. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('skus_product_idx').on(t.productId),
    check('skus_ean13_format', sql`${t.ean13} ~ '^[0-9]{13}$'`),
    check('skus_price_positive', sql`${t.priceCents} > 0`),
  ],
);

/**
 * A SKU's new price from a date-time, set in the back office. Applied once by the background job
 * (lib/catalog/scheduled-prices.ts): a conditional claim (`applied_at IS NULL AND cancelled_at IS
 * NULL`) so two servers never apply it twice; cancellable until then by the same condition.
 */
export const scheduledPriceChanges = pgTable(
  'scheduled_price_changes',
  {
    id: serial('id').primaryKey(),
    skuId: integer('sku_id')
      .notNull()
      .references(() => skus.id, { onDelete: 'cascade' }),
    priceCents: integer('price_cents').notNull(),
    effectiveAt: timestamp('effective_at', { withTimezone: true }).notNull(),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    index('scheduled_price_changes_due_idx')
      .on(t.effectiveAt)
      .where(sql`${t.appliedAt} IS NULL AND ${t.cancelledAt} IS NULL`),
    index('scheduled_price_changes_sku_idx').on(t.skuId),
    check('scheduled_price_changes_price_positive', sql`${t.priceCents} > 0`),
    check('scheduled_price_changes_one_end', sql`${t.appliedAt} IS NULL OR ${t.cancelledAt} IS NULL`),
  ],
);
