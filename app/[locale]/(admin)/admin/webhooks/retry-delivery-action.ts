'use server';
import { revalidatePath } from 'next/cache';
import { adminAction } from '@/lib/actions/builder';
import { done, refuse } from '@/lib/actions/state';
import { retryWebhookDelivery } from '@/lib/webhooks/commands';
import { deliveryIdSchema } from '@/lib/webhooks/inputs';

/** A delivery given up, tried once more by the next run of the delivery job. */
export const retryDeliveryAction = adminAction('integrations')
  .form(deliveryIdSchema)
  .run(async ({ input, t }) => {
    if (!(await retryWebhookDelivery(input.deliveryId))) return refuse(t.integrations.deliveryNotFailed);
    revalidatePath('/admin/webhooks');
    return done(t.integrations.deliveryRequeued);
  });
