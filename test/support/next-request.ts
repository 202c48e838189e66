/**
 * Server actions and route handlers called directly under Vitest, as a given person: stand-ins for
 * what Next.js and Auth.js give them at request time (the session, cookies, headers, redirect,
 * cache revalidation). A test file wires them with vi.mock (see app/access.test.ts).
 */
import { AuthError, CredentialsSignin } from '@auth/core/errors';
import type { SessionUser } from '@/lib/auth/guards';

type Cookie = { name: string; value: string };

export const request = {
  user: null as SessionUser | null,
  cookies: new Map<string, string>(),
  headers: new Headers({ 'x-comptoir-locale': 'en', host: 'shop.test', 'x-forwarded-for': '203.0.113.1' }),
};

/** Acts as `user` (null: signed out) with an empty cookie jar. */
export function actAs(user: SessionUser | null): void {
  request.user = user;
  request.cookies = new Map();
}

const cookieStore = {
  get: (name: string): Cookie | undefined => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
  getAll: (): Cookie[] => [...request.cookies].map(([name, value]) => ({ name, value })),
  has: (name: string) => request.cookies.has(name),
  set: (name: string | Cookie, value?: string) => {
    if (typeof name === 'string') request.cookies.set(name, value ?? '');
    else request.cookies.set(name.name, name.value);
  },
  delete: (name: string) => request.cookies.delete(name),
};

export const nextHeaders = {
  cookies: async () => cookieStore,
  headers: async () => request.headers,
  draftMode: async () => ({ isEnabled: false }),
};

/** What redirect() and notFound() throw: a test sees where the action sent the person. */
export class NavigationSignal extends Error {
  constructor(readonly to: string) {
    super(`navigation to ${to}`);
  }
}

export const nextNavigation = {
  redirect: (to: string) => {
    throw new NavigationSignal(to);
  },
  permanentRedirect: (to: string) => {
    throw new NavigationSignal(to);
  },
  notFound: () => {
    throw new NavigationSignal('404');
  },
  forbidden: () => {
    throw new NavigationSignal('403');
  },
  unauthorized: () => {
    throw new NavigationSignal('401');
  },
};

const noop = () => {};
export const nextCache = {
  refresh: noop,
  revalidatePath: noop,
  revalidateTag: noop,
  updateTag: noop,
  cacheTag: noop,
  cacheLife: noop,
  unstable_cache: <T>(fn: T) => fn,
};

export const auth = {
  auth: async () =>
    request.user
      ? { user: { ...request.user, id: String(request.user.id) }, sessionId: request.user.sessionId, expires: new Date(Date.now() + 3_600_000).toISOString() }
      : null,
  signIn: async () => {
    throw new CredentialsSignin();
  },
  signOut: async () => {
    request.user = null;
  },
  handlers: { GET: async () => new Response(null, { status: 404 }), POST: async () => new Response(null, { status: 404 }) },
};

export const nextAuth = { AuthError, CredentialsSignin, default: () => auth };
