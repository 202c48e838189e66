import { splitLocalePath } from '@/lib/routing/public-url';
import type { Role } from './schema';

/**
 * A callbackUrl is honoured only when it is a path on this site: "/staff?x=1" yes;
 * "https://evil.example", "//evil.example" and "/\evil.example" (which browsers treat as
 * protocol-relative) no — otherwise sign-in becomes an open redirect.
 */
export function safeCallbackPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (/[\u0000-\u001f\\]/.test(value)) return null;
  try {
    const url = new URL(value, 'http://comptoir.invalid');
    if (url.origin !== 'http://comptoir.invalid') return null;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return null;
  }
}

/**
 * Where to go once signed in: the page that sent them here, else their home for their role. A path
 * in either language (`/en/account`); the caller puts it in the sign-in page's (localizedPath).
 */
export function destinationAfterSignIn(callbackUrl: unknown, role: Role | undefined): string {
  const safe = safeCallbackPath(callbackUrl);
  const page = safe && splitLocalePath(safe).path;
  if (safe && page && !page.startsWith('/sign-in') && !page.startsWith('/sign-up')) return safe;
  if (role === 'catalogue') return '/admin';
  return role === 'staff' || role === 'admin' ? '/staff' : '/account';
}

export function signInPath(callbackPath: string): string {
  const safe = safeCallbackPath(callbackPath);
  return safe ? `/sign-in?callbackUrl=${encodeURIComponent(safe)}` : '/sign-in';
}
