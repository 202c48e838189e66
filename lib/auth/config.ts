/**
 * The half of the auth setup proxy.ts shares: no bcrypt and no provider (lib/auth/index.ts adds
 * the Credentials provider). It does read the database once every few seconds per session, to
 * know the session still stands (lib/auth/sessions.ts); proxy.ts runs on Node.js, like the pages.
 */
import type { NextAuthConfig } from 'next-auth';
import type { Role } from './schema';
import { isSessionLive } from './sessions';

/**
 * AUTH_SECRET signs the session cookie. Production must set it; a fixed fallback exists only for
 * development and tests, or for a throwaway local demo that opts in with COMPTOIR_LOCAL_DEMO=1.
 * Anyone who knows the fallback can forge a session, so it never applies otherwise.
 */
export function resolveAuthSecret(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV !== 'production' || env.COMPTOIR_LOCAL_DEMO === '1') {
    return 'comptoir-development-secret-never-use-in-production';
  }
  return undefined; // next-auth then refuses to start with MissingSecret, which is what we want
}

function isRole(value: unknown): value is Role {
  return value === 'shopper' || value === 'staff' || value === 'admin' || value === 'catalogue';
}

export const authConfig = {
  pages: { signIn: '/sign-in' },
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  trustHost: true,
  secret: resolveAuthSecret(),
  providers: [],
  logger: {
    // A wrong password is an everyday event the form already reports, not a server error.
    error(error) {
      // Class names do not survive minification: match on Auth.js's error type.
      const type = (error as { type?: string }).type;
      const causeType = ((error.cause as { err?: { type?: string } } | undefined)?.err as { type?: string } | undefined)?.type;
      if (type === 'CredentialsSignin' || causeType === 'CredentialsSignin' || error.name === 'CredentialsSignin') return;
      console.error('[auth]', error);
    },
  },
  callbacks: {
    // The JWT carries only what pages need to render; every staff write re-checks the database.
    // Every read asks whether its session still stands: null ends it (no session, cookie cleared).
    async jwt({ token, user }) {
      if (user) {
        token.id = user.id;
        token.role = user.role;
        token.name = user.name;
        token.sid = user.sid;
        return token;
      }
      return (await isSessionLive(token.sid, token.id)) ? token : null;
    },
    session({ session, token }) {
      if (typeof token.id === 'string') session.user.id = token.id;
      if (typeof token.sid === 'string') session.sessionId = token.sid;
      session.user.role = isRole(token.role) ? token.role : 'shopper';
      session.user.name = typeof token.name === 'string' ? token.name : null;
      return session;
    },
  },
} satisfies NextAuthConfig;
