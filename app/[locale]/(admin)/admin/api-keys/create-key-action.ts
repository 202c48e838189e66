'use server';
import { revalidatePath } from 'next/cache';
import { adminAction, formParser } from '@/lib/actions/builder';
import { refuse, type ActionState } from '@/lib/actions/state';
import { createKeySchema, firstField, typedBack } from '@/lib/api/admin-inputs';
import { createApiKey } from '@/lib/api/keys';
import { interpolate } from '@/lib/i18n/format';

export type CreateKeyState = ActionState<{ secret: string; values: Record<string, string>; chosen: string[] }>;

/** A new API key: its secret is in this answer only, shown once by the form. */
export const createKeyAction = adminAction('integrations')
  .form(
    formParser((formData) => createKeySchema.safeParse({ name: formData.get('name') ?? '', scopes: formData.getAll('scopes') })),
    (error, { t }) => {
      const field = firstField(error);
      const message = field === 'scopes' ? t.integrations.keyScopesRequired : t.integrations.keyNameRequired;
      return refuse(message, { [field === 'scopes' ? 'scopes' : 'name']: message });
    },
  )
  .state<CreateKeyState>()
  // What was typed and ticked comes back with a refusal: the form shows it again.
  .refused((refusal, { formData }) => ({ ...refusal, ...typedBack(formData, 'name', 80, 'scopes') }))
  .run(async ({ input, user, t }) => {
    const key = await createApiKey({ name: input.name, scopes: input.scopes, createdBy: user.id });
    revalidatePath('/admin/api-keys');
    return { ok: true, message: interpolate(t.integrations.keyCreated, { name: input.name }), secret: key.secret };
  });
