'use server';
import { revalidatePath } from 'next/cache';
import { adminAction, formParser } from '@/lib/actions/builder';
import { refuse, type ActionState } from '@/lib/actions/state';
import { firstField, typedBack } from '@/lib/api/admin-inputs';
import { addEndpointSchema } from '@/lib/webhooks/inputs';
import { registerWebhookEndpoint } from '@/lib/webhooks/commands';

export type AddEndpointState = ActionState<{ secret: string; values: Record<string, string>; chosen: string[] }>;

/**
 * A new webhook endpoint: its signing secret is in this answer only, shown once by the form. An
 * address into a private network, or a name with no address, is refused on the URL field.
 */
export const addEndpointAction = adminAction('integrations')
  .form(
    formParser((formData) => addEndpointSchema.safeParse({ url: formData.get('url') ?? '', events: formData.getAll('events') })),
    (error, { t }) => {
      const field = firstField(error) === 'events' ? 'events' : 'url';
      const message = field === 'events' ? t.integrations.endpointEventsRequired : t.integrations.endpointUrlInvalid;
      return refuse(message, { [field]: message });
    },
  )
  .state<AddEndpointState>()
  // What was typed and ticked comes back with a refusal: the form shows it again.
  .refused((refusal, { formData }) => ({ ...refusal, ...typedBack(formData, 'url', 2000, 'events') }))
  .run(async ({ input, user, t }) => {
    // An address the server may not post to is a WebhookAddressError: said on the URL field by the
    // one table of refusals (lib/actions/refusals.ts).
    const endpoint = await registerWebhookEndpoint({ url: input.url, events: input.events, createdBy: user.id });
    revalidatePath('/admin/webhooks');
    return { ok: true, message: t.integrations.endpointAdded, secret: endpoint.secret };
  });
