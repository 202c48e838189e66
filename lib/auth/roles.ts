import type { Role } from './schema';

/** Who may enter the back office (/admin): admins and catalogue staff; shop staff and shoppers never. */
export function isBackOfficeRole(role: Role | undefined | null): boolean {
  return role === 'admin' || role === 'catalogue';
}
