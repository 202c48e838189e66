'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { inRequestLocale } from '@/lib/i18n/server';
import { z } from 'zod';
import { shopperAction } from '@/lib/actions/builder';
import { invalidReturnForm, returnsForm } from '@/lib/actions/returns';
import { bookReturn, findReturnByKey } from '@/lib/returns/commands';
import { parseBookReturnForm, returnKeySchema } from '@/lib/returns/params';

/**
 * Books a return of one of the session's own orders. The customer comes from the session, never
 * the form: someone else's order number is "order not found", like an unknown one. The form's
 * idempotency key makes a double submit land on the same return: a key that already booked one
 * goes to it before anything else is checked. Refusals leave nothing written.
 */
export const bookReturnAction = shopperAction('returns')
  .form(returnsForm(parseBookReturnForm), invalidReturnForm)
  .stamped()
  .replay(z.object({ idempotencyKey: returnKeySchema }), async ({ idempotencyKey }, { user }) => {
    const first = await findReturnByKey(user.id, idempotencyKey);
    if (first) await booked(first.code, first.orderNumber);
  })
  .run(async ({ input, user }) => {
    const placed = await bookReturn({ ...input, customerId: user.id });
    return booked(placed.code, placed.orderNumber);
  });

/** The answer to a booked return, the first time and on every replay of its key: its page. */
async function booked(code: string, orderNumber: string): Promise<never> {
  revalidatePath(`/account/orders/${orderNumber}`);
  redirect(await inRequestLocale(`/account/returns/${code}`));
}
