/**
 * The page of this site a request came from, as a path and query (the Referer, when it names this
 * host), or null. For answers that send the browser back where it was: never an open redirect.
 */
export function refererPath(request: { headers: Headers }): string | null {
  const referer = request.headers.get('referer');
  if (!referer) return null;
  try {
    const url = new URL(referer);
    return url.host === request.headers.get('host') ? `${url.pathname}${url.search}` : null;
  } catch {
    return null; // not a URL
  }
}
