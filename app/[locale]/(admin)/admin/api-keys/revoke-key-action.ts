'use server';
import { revalidatePath } from 'next/cache';
import { adminAction } from '@/lib/actions/builder';
import { done, refuse } from '@/lib/actions/state';
import { keyIdSchema } from '@/lib/api/admin-inputs';
import { revokeApiKey } from '@/lib/api/keys';
import { interpolate } from '@/lib/i18n/format';

/** Revoked for every server at once: the next request with the key is refused (401). */
export const revokeKeyAction = adminAction('integrations')
  .form(keyIdSchema)
  .run(async ({ input, user, t }) => {
    const name = await revokeApiKey(input.keyId, user.id);
    if (name === null) return refuse(t.integrations.keyAlreadyRevoked);
    revalidatePath('/admin/api-keys');
    return done(interpolate(t.integrations.keyRevoked, { name }));
  });
