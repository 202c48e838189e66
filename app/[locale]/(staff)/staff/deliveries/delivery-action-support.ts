import 'server-only';
import { ForbiddenError } from '@/lib/auth/errors';
import { getUserById } from '@/lib/auth/users';
import { warehouseLocationId } from '@/lib/orders/queries';

/**
 * Home deliveries leave the web warehouse, which is no store and has no members: only an admin may
 * act on them. The role is read from the database, not the session token (which can be days old).
 * Returns the warehouse's location id, which the orders commands check each order against.
 */
export async function assertAdminOfWarehouse(userId: number): Promise<number> {
  const user = await getUserById(userId);
  if (user?.role !== 'admin') throw new ForbiddenError();
  const warehouse = await warehouseLocationId();
  if (warehouse === null) throw new Error('No web warehouse is configured');
  return warehouse;
}
