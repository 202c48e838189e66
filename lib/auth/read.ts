import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import { getDb, type Db } from '@/lib/db';
import { users } from './schema';

/*
 * What the other domains may read of accounts: a person's name and email (on an order, a
 * reservation, a return, a receipt, a loyalty card, a message) and whether an id is a shopper's
 * (the till and phone orders take only shoppers' accounts). They call these instead of naming
 * `users` or the other auth tables themselves (lib/db/boundaries.test.ts checks); password hashes,
 * sessions and sign-in attempts stay in lib/auth.
 *
 * Functions for plain lookups; a row source for raw SQL (`JOIN ${userRowsSql} u ON u.id = …`) and
 * a subquery for the query builder (`userContacts('customer')`), plain projections of the users
 * table that PostgreSQL flattens into the caller's query, so the join still walks the primary key
 * (and `lower(email)` its unique index).
 */

const validId = (id: number) => Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647;

/**
 * Every account's id, name, email, role and language (null: the chain's own) as a row source:
 * `JOIN ${userRowsSql} u ON u.id = x.customer_id`.
 */
export const userRowsSql: SQL = sql`(SELECT ${users.id} AS id, ${users.name} AS name, ${users.email} AS email, ${users.role} AS role, ${users.locale} AS locale FROM ${users})`;

/**
 * The same for the query builder, under the alias given (two of them join one statement apart, as
 * a receipt's staff and customer do): `.leftJoin(customer, eq(customer.id, sales.customerId))`.
 */
export function userContacts<A extends string>(alias: A) {
  return new QueryBuilder().select({ id: users.id, name: users.name, email: users.email, role: users.role }).from(users).as(alias);
}

export type Shopper = { id: number; name: string; email: string };

const SHOPPER = { id: users.id, name: users.name, email: users.email };

/** Whether this id is a shopper's account (in the caller's transaction when one is given). */
export async function isShopper(db: Db, id: number): Promise<boolean> {
  if (!validId(id)) return false;
  const [shopper] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, id), eq(users.role, 'shopper')));
  return shopper !== undefined;
}

/** A shopper's account by email, whatever its case. */
export async function findShopperByEmail(email: string): Promise<Shopper | null> {
  const e = email.trim();
  if (!e || e.length > 254) return null;
  const db = await getDb();
  const [shopper] = await db
    .select(SHOPPER)
    .from(users)
    .where(and(sql`lower(${users.email}) = lower(${e})`, eq(users.role, 'shopper')));
  return shopper ?? null;
}

/** A shopper's account by id. */
export async function findShopperById(id: number): Promise<Shopper | null> {
  const db = await getDb();
  const [shopper] = await db
    .select(SHOPPER)
    .from(users)
    .where(and(eq(users.id, id), eq(users.role, 'shopper')));
  return shopper ?? null;
}

/** A person's name and email by id (null for an unknown id): whose order, return or receipt it is. */
export async function findContact(id: number): Promise<{ id: number; name: string; email: string } | null> {
  if (!validId(id)) return null;
  const db = await getDb();
  const [person] = await db.select(SHOPPER).from(users).where(eq(users.id, id));
  return person ?? null;
}
