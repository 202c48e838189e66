import useSWR, { mutate } from 'swr';
import type { VisitorSummary } from '@/lib/visitor/types';

export type { VisitorSummary };

/**
 * The shop header's per-visitor parts come from GET /api/visitor, read by the browser: the pages
 * themselves are the same for everyone (served whole from the cache). One SWR key for the whole
 * tab, re-read on focus, on each navigation (HeaderSlots), and when a form changes what it shows.
 */
export const VISITOR_KEY = '/api/visitor';

async function fetchVisitor(url: string): Promise<VisitorSummary> {
  const res = await fetch(url, { cache: 'no-store', headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`visitor: HTTP ${res.status}`);
  return (await res.json()) as VisitorSummary;
}

export function useVisitor() {
  return useSWR(VISITOR_KEY, fetchVisitor, { revalidateOnFocus: true });
}

/** Something in the header changed (the cart, my store): read it again. */
export function refreshVisitor(): void {
  void mutate(VISITOR_KEY);
}

/**
 * Who is signed in is about to change (sign-in, sign-up, sign-out submitted): forget the answer
 * held, so that the header shows its neutral placeholders — never the previous person — until
 * the next read, which the navigation that follows (or refreshVisitor on a refusal) starts. No
 * read now: it would race the action and could bring back the old answer.
 */
export function forgetVisitor(): void {
  void mutate(VISITOR_KEY, undefined, { revalidate: false });
}
