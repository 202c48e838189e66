import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows } from '@/lib/db/client';
import { useTestDatabase } from '@/test/support/db';
import { initialActionState } from '@/lib/actions/state';
import { verifyPassword } from '@/lib/auth/password';
import { isSessionLive, startSession } from '@/lib/auth/sessions';
import { createUser, findUserById } from '@/lib/auth/users';
import { actAs, NavigationSignal } from '@/test/support/next-request';
import { form } from '@/test/support/world';
import { changePasswordAction } from './change-password-action';
import { signOutEverywhereAction } from './sign-out-everywhere-action';

vi.mock('next/headers', async () => (await import('@/test/support/next-request')).nextHeaders);
vi.mock('next/navigation', async () => (await import('@/test/support/next-request')).nextNavigation);
vi.mock('next/cache', async () => (await import('@/test/support/next-request')).nextCache);
vi.mock('next/server', async () => ({ ...(await import('next/server.js')), connection: async () => {} }));
vi.mock('next-auth', async () => (await import('@/test/support/next-request')).nextAuth);
vi.mock('@/lib/auth', async () => (await import('@/test/support/next-request')).auth);

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
beforeAll(async () => {
  conn = await useTestDatabase();
});
afterAll(async () => conn?.drop());

const later = () => Date.now() + 60_000; // past any answer cached in this process

describe('the account page’s security actions', () => {
  it('changing the password needs the current one, then signs out the other devices and keeps this one', async () => {
    const u = await createUser({ email: 'lea@example.com', name: 'Léa', password: 'first-password-1' });
    const [here, phone] = [await startSession(u.id, 'here'), await startSession(u.id, 'phone')];
    actAs({ ...u, sessionId: here });

    const wrong = await changePasswordAction(initialActionState, form({ currentPassword: 'not-it-at-all', password: 'second-password-2' }));
    expect(wrong.ok).toBe(false);
    expect(wrong.fieldErrors?.currentPassword).toBe('The current password is incorrect.');
    expect(await isSessionLive(phone, u.id, later())).toBe(true);

    const weak = await changePasswordAction(initialActionState, form({ currentPassword: 'first-password-1', password: 'short' }));
    expect(weak.fieldErrors?.password).toMatch(/at least 10 characters/);

    const done = await changePasswordAction(initialActionState, form({ currentPassword: 'first-password-1', password: 'second-password-2' }));
    expect(done).toMatchObject({ ok: true, message: 'Password changed. Your other devices are signed out.' });
    expect(await verifyPassword('second-password-2', (await findUserById(u.id))!.passwordHash)).toBe(true);
    expect(await isSessionLive(here, u.id, later())).toBe(true);
    expect(await isSessionLive(phone, u.id, later())).toBe(false);
  });

  it('signed out, both actions send to sign-in and change nothing', async () => {
    actAs(null);
    await expect(changePasswordAction(initialActionState, form({ currentPassword: 'x', password: 'second-password-2' }))).rejects.toThrow(NavigationSignal);
    await expect(signOutEverywhereAction()).rejects.toMatchObject({ to: expect.stringMatching(/^\/en\/sign-in/) });
  });

  it('"sign out of all my devices" ends every session of the person, this one too', async () => {
    const u = await createUser({ email: 'noe@example.com', name: 'Noé', password: 'first-password-1' });
    const other = await createUser({ email: 'zoe@example.com', name: 'Zoé', password: 'first-password-1' });
    const [a, b, c] = [await startSession(u.id, 'a'), await startSession(u.id, 'b'), await startSession(other.id, 'c')];
    actAs({ ...u, sessionId: a });
    await signOutEverywhereAction();
    const standing = await queryRows<{ id: string }>('SELECT id FROM auth_sessions WHERE revoked_at IS NULL AND id = ANY($1::uuid[])', [[a, b, c]]);
    expect(standing.map((r) => r.id)).toEqual([c]);
  });
});
