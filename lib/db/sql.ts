import { sql, type SQL } from 'drizzle-orm';

/**
 * '{1,2,3}': a list of whole numbers as one bound parameter, the same on node-postgres and PGlite
 * (`${intArray(ids)}::int[]`, unnest(…) for several columns at once): one statement, whatever the
 * list's length, where IN (…) would need one parameter per value.
 */
export function intArray(values: readonly number[]): string {
  return `{${values.map((v) => Math.trunc(v)).join(',')}}`;
}

/** A text[] parameter as an array literal, each element quoted: pass as `${textArray(words)}::text[]`. */
export function textArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/**
 * A timestamptz computed in SQL (a max(), a date plus an interval), read as a Date the way a
 * timestamp column is: the query builder decodes columns, not expressions. Null stays null.
 */
export function dateOrNull(expr: SQL): SQL<Date | null> {
  return sql`${expr}`.mapWith((value: string | Date): Date | null => new Date(value));
}

/** The same, for an expression that is never null. */
export function date(expr: SQL): SQL<Date> {
  return sql`${expr}`.mapWith((value: string | Date): Date => new Date(value));
}

/**
 * Any list as one array parameter — '{1,"a b",NULL}': text quoted and escaped, null as NULL — to
 * cast in the statement (`::text[]`, `::timestamptz[]`), for set-wise inserts from unnest(…).
 */
export function arrayLiteral(values: readonly (number | string | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `"${v.replace(/[\\"]/g, '\\$&')}"`)).join(',')}}`;
}

/** A json/json_agg column as the driver hands it over: node-postgres parses it, PGlite may give the text. */
export function jsonColumn<T>(raw: T | string): T {
  return typeof raw === 'string' ? (JSON.parse(raw) as T) : raw;
}
