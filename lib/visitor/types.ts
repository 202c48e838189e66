import type { Role } from '@/lib/auth/schema';

/** GET /api/visitor's answer: the shop header's per-visitor parts (lib/visitor/summary.ts). */
export type VisitorSummary = {
  user: { firstName: string; name: string; role: Role } | null;
  cartCount: number;
  myStore: { id: number; slug: string; name: string; town: string } | null;
};
