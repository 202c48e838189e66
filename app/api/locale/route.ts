import { NextResponse, type NextRequest } from 'next/server';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { LOCALE_COOKIE, isLocale } from '@/lib/i18n/config';
import { refererPath } from '@/lib/http/referer';
import { localizedPath } from '@/lib/routing/public-url';

/**
 * The footer's language switch: GET /api/locale?to=en[&back=/p/trail-42?sku=3]. Goes to the same
 * page — same path, same query — in the chosen language (its /en/ or unprefixed twin), and stores
 * the choice in the cookie: from then on an unprefixed URL takes this visitor to their language
 * (lib/routing/locale-route.ts). `back` is the page the visitor was on (the switch's script writes
 * it in); without it — no script yet, or none at all — the Referer says. A full navigation, so
 * every part of the page, the prerendered shell included, is drawn in the new language.
 */
export function GET(request: NextRequest) {
  const to = request.nextUrl.searchParams.get('to');
  if (!isLocale(to)) return NextResponse.json({ error: 'Unknown language: use fr or en.' }, { status: 400 });
  const response = new NextResponse(null, { status: 303, headers: { Location: localizedPath(pageToSwitch(request), to) } });
  response.cookies.set(LOCALE_COOKIE, to, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' });
  return response;
}

/** The page the visitor was on, a path of this site only (never an open redirect); else home. */
function pageToSwitch(request: NextRequest): string {
  return safeCallbackPath(request.nextUrl.searchParams.get('back')) ?? refererPath(request) ?? '/';
}
