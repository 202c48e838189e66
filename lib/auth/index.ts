import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authConfig } from './config';
import { signInSchema } from './schemas';
import { findUserByEmail } from './users';
import { verifyPassword } from './password';
import { beginSignIn, clientAddress, signInSucceeded } from './throttle';
import { endSession, startSession } from './sessions';
import { SignInUnavailableError } from './sign-in-unavailable';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { redactQueryParams } from '@/lib/errors';

// A bcrypt hash of a random string: comparing against it when the email is unknown takes as long
// as a real check, so response time does not tell which emails have accounts.
const DUMMY_HASH = '$2b$10$z0KDTh.qQ04eh8h2mHDgjOI2uDmRfBDC60Q6xEipFmC3BpbNgLanK';

export const { auth, signIn, signOut, handlers } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        try {
          // Counted before the password is checked (lib/auth/throttle.ts): throws while over the limit.
          const turn = await beginSignIn(parsed.data.email, clientAddress(request?.headers));
          const user = await findUserByEmail(parsed.data.email);
          const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
          if (!user || !ok) throw new CredentialsSignin();
          await signInSucceeded(turn);
          const sid = await startSession(user.id, request?.headers?.get('user-agent'));
          return { id: String(user.id), email: user.email, name: user.name, role: user.role, sid };
        } catch (err) {
          // Anything else Auth.js's own endpoint answers as "a problem with the server
          // configuration" (a 500 page); this one is a refusal the route turns into the outage answer.
          if (isDatabaseUnavailable(err)) {
            console.error('database unavailable at sign-in:', err instanceof Error ? redactQueryParams(err).message : err);
            throw new SignInUnavailableError(err);
          }
          throw err;
        }
      },
    }),
  ],
  events: {
    // Sign-out (the header's button, or Auth.js's own route) ends the session on every server,
    // not only this device's cookie.
    async signOut(message) {
      if ('token' in message) await endSession(message.token?.sid);
    },
  },
});
