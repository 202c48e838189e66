import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import type { Locale } from '@/lib/i18n/config';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '@/lib/errors';
import { storeFacts } from '@/lib/stores/read';
import { EmailTakenError } from './errors';
import { hashPassword } from './password';
import { staffMemberships, users, type Role } from './schema';

export type UserRecord = typeof users.$inferSelect;
export type PublicUser = Pick<UserRecord, 'id' | 'email' | 'name' | 'role'>;

/**
 * Two sign-ups with one email can race; the unique index on lower(email) settles it, so there is
 * no check-then-insert window here.
 */
export async function createUser(input: { email: string; name: string; password: string; role?: Role; locale?: Locale }): Promise<PublicUser> {
  const db = await getDb();
  const passwordHash = await hashPassword(input.password);
  try {
    const [row] = await db
      .insert(users)
      .values({ email: input.email.trim(), name: input.name.trim(), passwordHash, role: input.role ?? 'shopper', locale: input.locale ?? null })
      .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
    if (!row) throw new Error('INSERT … RETURNING gave no row');
    return row;
  } catch (err) {
    if (pgErrorCode(err) === PG_UNIQUE_VIOLATION) throw new EmailTakenError();
    throw err;
  }
}

/**
 * The language the person is using the shop in, kept with the account (signing in, checking out)
 * so that what is sent to them later — a cart reminder — is in it. Unchanged: nothing written.
 */
export async function rememberLocale(userId: number, locale: Locale): Promise<void> {
  const db = await getDb();
  await db
    .update(users)
    .set({ locale })
    .where(and(eq(users.id, userId), sql`${users.locale} IS DISTINCT FROM ${locale}`));
}

/** Case-insensitive, through the users_email_unique expression index. */
export async function findUserByEmail(email: string): Promise<UserRecord | null> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email.trim()})`)
    .limit(1);
  return row ?? null;
}

/** With the password hash: for checking the current password before changing it. */
export async function findUserById(id: number): Promise<UserRecord | null> {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

export async function getUserById(id: number): Promise<PublicUser | null> {
  const db = await getDb();
  const [row] = await db.select({ id: users.id, email: users.email, name: users.name, role: users.role }).from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

export type StaffStore = { id: number; name: string; town: string; slug: string; drive: boolean; returnsDesk: boolean };

/** The stores a person may work in: their memberships, or every store for an admin. */
export async function listStaffStores(userId: number): Promise<StaffStore[]> {
  const db = await getDb();
  const columns = {
    id: storeFacts.locationId,
    name: storeFacts.name,
    town: storeFacts.town,
    slug: storeFacts.slug,
    drive: storeFacts.drive,
    returnsDesk: storeFacts.returnsDesk,
  };
  const user = await getUserById(userId);
  if (!user || user.role === 'shopper') return [];
  if (user.role === 'admin') return db.select(columns).from(storeFacts).orderBy(asc(storeFacts.name));
  return db
    .select(columns)
    .from(storeFacts)
    .innerJoin(staffMemberships, eq(staffMemberships.storeId, storeFacts.locationId))
    .where(eq(staffMemberships.userId, userId))
    .orderBy(asc(storeFacts.name));
}
