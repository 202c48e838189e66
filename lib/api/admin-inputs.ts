import { z } from 'zod';
import { idSchema } from '@/lib/actions/inputs';
import { safeText } from '@/lib/input/text';
import { API_SCOPES } from './schema';
import { WEBHOOK_EVENTS } from '../webhooks/schema';

/*
 * What the admin's forms for keys and webhooks send: a key's name and scopes (checkboxes, read with
 * getAll), an endpoint's URL and events. The field names are the form's own, for the field errors.
 */
export const createKeySchema = z.object({
  name: safeText.trim().min(1, 'name').max(80, 'name'),
  scopes: z.array(z.enum(API_SCOPES, { error: 'scopes' })).min(1, 'scopes'),
});

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

export const keyIdSchema = z.object({ keyId: idSchema });
export const endpointIdSchema = z.object({ endpointId: idSchema });

/** The fields a refusal concerns: the first issue's field (its path), for the form's message. */
export function firstField(error: z.ZodError): string {
  return String(error.issues[0]?.path[0] ?? '');
}
