'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { AddressFormState } from '@/components/account/address-book';
import { shopperAction } from '@/lib/actions/builder';
import { idSchema } from '@/lib/actions/inputs';
import { done, refuse } from '@/lib/actions/state';
import { removeSavedAddress, SameAddressError, updateSavedAddress } from '@/lib/customers/addresses';
import { addressSchema, addressValues } from '@/lib/orders/address';

/**
 * The shopper's address book (lib/customers/addresses.ts). Each statement is scoped to the
 * session's account: someone else's address id is "not on your account", like an unknown one.
 */
export const saveAddressAction = shopperAction('orders')
  .form(z.object({ addressId: idSchema }))
  .state<AddressFormState>()
  .refused((refusal, { formData }) => ({ ...refusal, values: addressValues(formData) }))
  .run(async ({ input: { addressId }, user, t, formData }) => {
    const values = addressValues(formData);
    const parsed = addressSchema(t.orders).safeParse(values);
    if (!parsed.success) {
      const fieldErrors: AddressFormState['fieldErrors'] = {};
      for (const issue of parsed.error.issues) fieldErrors[issue.path[0] as keyof typeof values] ??= issue.message;
      return { ok: false, message: t.orders.fixErrors, fieldErrors, values };
    }
    try {
      if (!(await updateSavedAddress(user.id, addressId, parsed.data))) return { ...refuse(t.orders.addressUnknown), values };
    } catch (err) {
      if (err instanceof SameAddressError) return { ...refuse(t.orders.addressSame), values };
      throw err;
    }
    revalidatePath('/account/addresses');
    return { ...done(t.orders.addressSaved), values };
  });

export const removeAddressAction = shopperAction('orders')
  .form(z.object({ addressId: idSchema }))
  .run(async ({ input: { addressId }, user, t }) => {
    if (!(await removeSavedAddress(user.id, addressId))) return refuse(t.orders.addressUnknown);
    revalidatePath('/account/addresses');
    return done(t.orders.addressRemoved);
  });
