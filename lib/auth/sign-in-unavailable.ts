import { CredentialsSignin } from 'next-auth';

export const SIGN_IN_UNAVAILABLE = 'database_unavailable';

/**
 * Thrown by the Credentials provider when the database cannot be reached (lib/db/unavailable.ts):
 * a CredentialsSignin, so Auth.js's own endpoint redirects with `code=database_unavailable` rather
 * than to its "server configuration" error page, and app/api/auth/[...nextauth]/route.ts answers
 * that redirect with the outage's 503. The database's error is its cause (as `cause.err`, Auth.js's
 * own shape), so the sign-in form's cause walk still reads it as "unavailable".
 */
export class SignInUnavailableError extends CredentialsSignin {
  override code = SIGN_IN_UNAVAILABLE;
  constructor(err: unknown) {
    super('The database cannot be reached', { cause: { err } });
  }
}
