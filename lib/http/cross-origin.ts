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

/**
 * Whether a request is one Next.js treats as a server action: a POST with a `Next-Action` header,
 * or a form post (multipart, or URL-encoded) to a page — a form that works without JavaScript.
 */
export function isPossibleServerAction(request: { method: string; headers: Headers }): boolean {
  if (request.method.toUpperCase() !== 'POST') return false;
  const type = request.headers.get('content-type') ?? '';
  return request.headers.has('next-action') || type.startsWith('multipart/form-data') || type === 'application/x-www-form-urlencoded';
}

/**
 * Next.js's own rule for a server action, checked before it runs so a refusal is a 403, not the
 * 500 Next.js answers (it throws "Invalid Server Actions request", and a malformed Origin fails
 * its URL parsing): an Origin, when sent, must name the host the request was sent to — the first
 * X-Forwarded-Host behind a proxy, else Host. `Origin: null` (a sandboxed frame, a redirect from
 * another site) is refused too. No Origin at all is let through, as Next.js does.
 */
export function checkActionOrigin(request: { headers: Headers }): CrossOriginVerdict {
  const origin = request.headers.get('origin');
  if (origin === null) return { ok: true };
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return { ok: false, reason: 'a malformed Origin' };
  }
  const forwarded = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  const host = forwarded || request.headers.get('host');
  return origin !== 'null' && originHost === host ? { ok: true } : { ok: false, reason: `Origin ${origin.slice(0, 100)}` };
}
