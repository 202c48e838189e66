/**
 * The page of this site a request came from, as a path and query (the Referer, when it names this
 * host: Host, or the first X-Forwarded-Host behind a load balancer, as lib/http/cross-origin.ts
 * reads them), or null. For answers that send the browser back where it was: never an open redirect.
 */
export function refererPath(request: { headers: Headers }): string | null {
  const referer = request.headers.get('referer');
  if (!referer) return null;
  const hosts = [request.headers.get('host'), request.headers.get('x-forwarded-host')?.split(',')[0]?.trim()].filter(Boolean);
  try {
    const url = new URL(referer);
    return hosts.includes(url.host) ? `${url.pathname}${url.search}` : null;
  } catch {
    return null; // not a URL
  }
}
