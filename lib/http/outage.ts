import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { redactQueryParams } from '@/lib/errors';

/** Seconds a client is asked to wait before trying again while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

/** The API's answer while the database cannot be reached: a 503 that says to try again, never a 500. */
export function databaseOutageResponse(): Response {
  return Response.json(
    { error: 'The shop cannot reach its database right now. Try again in a few seconds.' },
    { status: 503, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' } },
  );
}

/** Wraps a route handler: a lost database becomes a 503 "try again"; any other error is still a bug. */
export function withDatabaseOutage<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>): (...args: Args) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (err) {
      if (isDatabaseUnavailable(err)) {
        // A failed query's message holds its values: taken out before logging (lib/errors.ts).
        console.error('database unavailable:', err instanceof Error ? redactQueryParams(err).message : err);
        return databaseOutageResponse();
      }
      throw err;
    }
  };
}

/** The page the proxy answers with while the database is away: it reloads itself every few seconds. */
export function databaseOutagePage(locale: 'fr' | 'en'): Response {
  const fr = locale === 'fr';
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}"><meta name="robots" content="noindex">
<title>${fr ? 'Un instant – Comptoir' : 'One moment – Comptoir'}</title>
<style>body{font-family:system-ui,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;background:#f6f5f2;color:#1c1c1c}
main{max-width:28rem;padding:2rem;text-align:center}h1{font-size:1.5rem;margin:0 0 .5rem}p{color:#555;line-height:1.5}
a{display:inline-block;margin-top:1rem;padding:.75rem 1.25rem;border-radius:.5rem;background:#1f5f4a;color:#fff;text-decoration:none;font-weight:600}</style>
</head><body><main role="alert">
<h1>${fr ? 'Un souci de notre côté' : 'Something went wrong on our side'}</h1>
<p>${fr ? `Nous ne parvenons pas à joindre notre système pour le moment. Cette page réessaie toute seule dans ${RETRY_AFTER_SECONDS} secondes.` : `We can’t reach our shop system right now. This page will try again by itself in ${RETRY_AFTER_SECONDS} seconds.`}</p>
<a href="">${fr ? 'Réessayer maintenant' : 'Try again now'}</a>
</main></body></html>`;
  return new Response(html, {
    status: 503,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': String(RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' },
  });
}
