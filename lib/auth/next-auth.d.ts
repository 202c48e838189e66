import type { DefaultSession } from 'next-auth';
import type { Role } from './schema';

declare module 'next-auth' {
  interface User {
    role?: Role;
    /** The server-side session (lib/auth/sessions.ts) made at sign-in. */
    sid?: string;
  }
  interface Session {
    user: { id: string; role: Role } & DefaultSession['user'];
    /** Which session this is: not a credential (the signed cookie is), only a name for it. */
    sessionId?: string;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    id?: string;
    role?: Role;
    sid?: string;
  }
}
