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

/**
 * What was typed and ticked on a form that issues a secret (an API key, a webhook endpoint), handed
 * back with its refusal so the form shows it again instead of a blank one: the text field (cut to
 * its length) and the boxes ticked. Only the form's own fields; a file or junk in their place reads
 * as nothing.
 */
export function typedBack(formData: FormData, field: string, maxLength: number, choices: string): { values: Record<string, string>; chosen: string[] } {
  const typed = formData.get(field);
  return {
    values: { [field]: typeof typed === 'string' ? typed.slice(0, maxLength) : '' },
    chosen: formData
      .getAll(choices)
      .filter((c): c is string => typeof c === 'string')
      .slice(0, 50)
      .map((c) => c.slice(0, 100)),
  };
}
