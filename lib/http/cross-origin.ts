/**
 * Cross-site request forgery, refused at the door: a state-changing request (anything but GET,
 * HEAD, OPTIONS) must come from a page of this site. The browser says where a request comes from —
 * Sec-Fetch-Site in every current browser, Origin in older ones — so the check reads those, as Go's
 * net/http CrossOriginProtection does; a request with neither comes from a program, not from a
 * browser carrying a shopper's cookies, and is let through (it proves nothing either way).
 *
 * Server actions get the same check from Next.js itself; this is for route handlers
 * (app/api/auth's sign-in and sign-out) and any that come later.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type CrossOriginVerdict = { ok: true } | { ok: false; reason: string };

export function checkSameOrigin(request: { method: string; headers: Headers }): CrossOriginVerdict {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return { ok: true };
  const site = request.headers.get('sec-fetch-site');
  if (site === 'same-origin' || site === 'none') return { ok: true };
  const origin = request.headers.get('origin');
  if (!origin) return site ? { ok: false, reason: `a ${site} request` } : { ok: true };
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return { ok: false, reason: 'a malformed Origin' };
  }
  // Behind a load balancer the public host may arrive as X-Forwarded-Host.
  const hosts = [request.headers.get('host'), request.headers.get('x-forwarded-host')?.split(',')[0]?.trim()].filter(Boolean);
  return hosts.includes(originHost) ? { ok: true } : { ok: false, reason: `Origin ${origin}` };
}

/** A 403 for a cross-site request, or undefined to go on. */
export function refuseCrossOrigin(request: { method: string; headers: Headers }): Response | undefined {
  const verdict = checkSameOrigin(request);
  if (verdict.ok) return undefined;
  return Response.json({ error: `Refused: this request must come from a page of this site (${verdict.reason}).` }, { status: 403 });
}
