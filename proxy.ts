/**
 * A first gate in front of the staff console: no session → sign in; a shopper → the home page,
 * with nothing about the console revealed. It reads only the signed cookie (lib/auth/config.ts has
 * no database), and the matcher keeps every other page free of it. Pages and actions still check
 * for themselves (requireStaff, assertStaffOfStore): this is a convenience, not the security.
 */
import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { authConfig } from '@/lib/auth/config';

const { auth } = NextAuth(authConfig);

export const proxy = auth((req) => {
  const user = req.auth?.user;
  if (!user) {
    const url = new URL('/sign-in', req.nextUrl);
    url.searchParams.set('callbackUrl', `${req.nextUrl.pathname}${req.nextUrl.search}`);
    return NextResponse.redirect(url);
  }
  if (user.role !== 'staff' && user.role !== 'admin') return NextResponse.redirect(new URL('/', req.nextUrl));
  return NextResponse.next();
});

export const config = { matcher: ['/staff', '/staff/:path*'] };
