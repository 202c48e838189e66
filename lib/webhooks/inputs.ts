import { z } from 'zod';
import { idSchema } from '@/lib/actions/inputs';
import { safeText } from '@/lib/input/text';
import { WEBHOOK_EVENTS } from './schema';

/*
 * What the admin's form for webhook endpoints sends: a URL (http or https, no credentials in it)
 * and events (checkboxes, read with getAll). The issue messages are the form's field names.
 */
export const webhookUrlSchema = z
  .string()
  .trim()
  .max(2000, 'url')
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '' && !u.username && !u.password;
    } catch {
      return false;
    }
  }, 'url');

export const addEndpointSchema = z.object({
  url: safeText.pipe(webhookUrlSchema),
  events: z.array(z.enum(WEBHOOK_EVENTS, { error: 'events' })).min(1, 'events'),
});

export const endpointIdSchema = z.object({ endpointId: idSchema });
export const deliveryIdSchema = z.object({ deliveryId: idSchema });
