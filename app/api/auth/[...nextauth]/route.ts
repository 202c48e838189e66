import type { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth';
import { SIGN_IN_UNAVAILABLE } from '@/lib/auth/sign-in-unavailable';
import { refuseCrossOrigin } from '@/lib/http/cross-origin';
import { databaseOutageResponse, withDatabaseOutage } from '@/lib/http/outage';

export const GET = withDatabaseOutage(handlers.GET);

/**
 * Sign-in, sign-out and the session update: only from a page of this site (lib/http/cross-origin.ts).
 * A sign-in the database could not answer comes back from Auth.js as a redirect (a Location, or
 * `{ url }` for a client that asked for JSON) naming SIGN_IN_UNAVAILABLE: it is answered as every
 * route handler answers an outage, a 503 with Retry-After, not as a wrong password.
 */
export const POST = withDatabaseOutage(async (request: NextRequest) => {
  const refused = refuseCrossOrigin(request);
  if (refused) return refused;
  const response = await handlers.POST(request);
  const to = response.headers.get('location') ?? (request.headers.has('x-auth-return-redirect') ? await redirectUrl(response) : null);
  return to && new URL(to, request.url).searchParams.get('code') === SIGN_IN_UNAVAILABLE ? databaseOutageResponse() : response;
});

async function redirectUrl(response: Response): Promise<string | null> {
  if (!response.headers.get('content-type')?.includes('json')) return null;
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { url?: unknown } | null;
  return typeof body?.url === 'string' ? body.url : null;
}
