import { hashPassword } from '../../auth/password';
import { staffMemberships, users, type Role } from '../schema';
import { LYON_STORE_SLUG, HYPER_STORE_SLUG } from './stores';
import type { SeedTx } from './types';

export interface DemoAccount {
  email: string;
  password: string;
  role: Role;
  name: string;
}

/** Demo sign-ins, documented in the README; local data only. */
export const DEMO_ACCOUNTS = {
  shopper: { email: 'camille@example.com', password: 'comptoir-shopper', role: 'shopper', name: 'Camille Martin' },
  staff: { email: 'sam@example.com', password: 'comptoir-staff', role: 'staff', name: 'Sam Leroy' },
  admin: { email: 'admin@example.com', password: 'comptoir-admin', role: 'admin', name: 'Alex Bernard' },
  catalogue: { email: 'claire@example.com', password: 'comptoir-catalogue', role: 'catalogue', name: 'Claire Dubois' },
} as const satisfies Record<Role, DemoAccount>;

/** The two shops the demo staff member works in: a Lyon city shop and the Villeurbanne hyper. */
export const DEMO_STAFF_STORE_SLUGS = [LYON_STORE_SLUG, HYPER_STORE_SLUG] as const;

export type HashedAccount = DemoAccount & { passwordHash: string };

// bcrypt is deliberately slow: hash each password once, before the seed transaction opens.
export function hashDemoAccounts(): Promise<HashedAccount[]> {
  return Promise.all(Object.values(DEMO_ACCOUNTS).map(async (a) => ({ ...a, passwordHash: await hashPassword(a.password) })));
}

export async function insertUsers(tx: SeedTx, accounts: HashedAccount[], storeIdBySlug: Map<string, number>): Promise<number> {
  const rows = await tx
    .insert(users)
    .values(accounts.map(({ email, name, role, passwordHash }) => ({ email, name, role, passwordHash })))
    .returning({ id: users.id, role: users.role });
  const staff = rows.filter((r) => r.role === 'staff');
  const memberships = staff.flatMap((u) =>
    DEMO_STAFF_STORE_SLUGS.map((slug) => {
      const storeId = storeIdBySlug.get(slug);
      if (storeId === undefined) throw new Error(`demo staff store ${slug} is missing`);
      return { userId: u.id, storeId };
    }),
  );
  if (memberships.length > 0) await tx.insert(staffMemberships).values(memberships);
  return rows.length;
}
