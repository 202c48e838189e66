'use server';
import { revalidatePath } from 'next/cache';
import { adminAction } from '@/lib/actions/builder';
import { done, refuse } from '@/lib/actions/state';
import { endpointIdSchema } from '@/lib/webhooks/inputs';
import { disableWebhookEndpoint } from '@/lib/webhooks/commands';

/** No new deliveries for the endpoint (those already queued are still tried). */
export const disableEndpointAction = adminAction('integrations')
  .form(endpointIdSchema)
  .run(async ({ input, t }) => {
    if (!(await disableWebhookEndpoint(input.endpointId))) return refuse(t.integrations.endpointAlreadyDisabled);
    revalidatePath('/admin/webhooks');
    return done(t.integrations.endpointDisabled);
  });
