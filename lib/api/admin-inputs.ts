import { z } from 'zod';
import { idSchema } from '@/lib/actions/inputs';
import { safeText } from '@/lib/input/text';
import { API_SCOPES } from './schema';

/*
 * What the admin's form for API keys sends: a name and scopes (checkboxes, read with getAll). The
 * issue messages are the form's field names, for the field errors.
 */
export const createKeySchema = z.object({
  name: safeText.trim().min(1, 'name').max(80, 'name'),
  scopes: z.array(z.enum(API_SCOPES, { error: 'scopes' })).min(1, 'scopes'),
});

export const keyIdSchema = z.object({ keyId: idSchema });

/** The field a refusal concerns: the first issue's path, for the form's message. */
export function firstField(error: z.ZodError): string {
  return String(error.issues[0]?.path[0] ?? '');
}
