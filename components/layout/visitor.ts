/**
 * The shop header's per-visitor parts come from GET /api/visitor, read by the browser: the pages
 * themselves are the same for everyone (served whole from the cache). The reading lives in
 * ./header-slots-live.tsx (SWR, loaded after the page's first scripts); forms tell it what
 * changed through a window event, so they do not carry its code.
 */
export const VISITOR_KEY = '/api/visitor';
export const VISITOR_EVENT = 'comptoir:visitor';
export type VisitorChange = 'refresh' | 'forget';

function tell(change: VisitorChange): void {
  window.dispatchEvent(new CustomEvent<VisitorChange>(VISITOR_EVENT, { detail: change }));
}

/** Something in the header changed (the cart, my store): read it again. */
export function refreshVisitor(): void {
  tell('refresh');
}

/**
 * Who is signed in is about to change (sign-in, sign-up, sign-out submitted): forget the answer
 * held, so that the header shows its neutral placeholders — never the previous person — until
 * the next read, which the navigation that follows (or refreshVisitor on a refusal) starts. No
 * read now: it would race the action and could bring back the old answer.
 */
export function forgetVisitor(): void {
  tell('forget');
}
