/**
 * The edge-safe half of the auth setup: no database, no bcrypt, so proxy.ts can verify the
 * session cookie without loading either. lib/auth/index.ts adds the Credentials provider.
 */
import type { NextAuthConfig } from 'next-auth';
import type { Role } from './schema';

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
  return value === 'shopper' || value === 'staff' || value === 'admin';
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
    jwt({ token, user }) {
      if (user) {
        token.id = user.id;
        token.role = user.role;
        token.name = user.name;
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.id === 'string') session.user.id = token.id;
      session.user.role = isRole(token.role) ? token.role : 'shopper';
      session.user.name = typeof token.name === 'string' ? token.name : null;
      return session;
    },
  },
} satisfies NextAuthConfig;
