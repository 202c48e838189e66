import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authConfig } from './config';
import { signInSchema } from './schemas';
import { findUserByEmail } from './users';
import { verifyPassword } from './password';
import { beginSignIn, clientAddress, signInSucceeded } from './throttle';

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
        // Counted before the password is checked (lib/auth/throttle.ts): throws while over the limit.
        const turn = await beginSignIn(parsed.data.email, clientAddress(request?.headers));
        const user = await findUserByEmail(parsed.data.email);
        const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
        if (!user || !ok) throw new CredentialsSignin();
        await signInSucceeded(turn);
        return { id: String(user.id), email: user.email, name: user.name, role: user.role };
      },
    }),
  ],
});
