import { NextResponse, type NextRequest } from 'next/server';
import { LOCALE_COOKIE, isLocale } from '@/lib/i18n/config';

/**
 * The footer's language switch: GET /api/locale?to=en. Stores the explicit choice (it overrides the
 * browser's language) and goes back to the page the visitor was on. A full navigation, so every
 * part of the page — the prerendered shell included — is drawn again in the new language.
 */
export function GET(request: NextRequest) {
  const to = request.nextUrl.searchParams.get('to');
  if (!isLocale(to)) return NextResponse.json({ error: 'Unknown language: use fr or en.' }, { status: 400 });
  let back = '/';
  const referer = request.headers.get('referer');
  if (referer) {
    try {
      const url = new URL(referer);
      // Only ever back to this site.
      if (url.host === request.headers.get('host')) back = `${url.pathname}${url.search}`;
    } catch {
      /* not a URL: go home */
    }
  }
  const response = new NextResponse(null, { status: 303, headers: { Location: back } });
  response.cookies.set(LOCALE_COOKIE, to, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' });
  return response;
}
