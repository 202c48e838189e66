'use client';
import { useActionState } from 'react';
import { AddressFields, type AddressTexts } from '@/components/checkout/address-fields';
import type { AddressField } from '@/components/checkout/form-state';
import { initialActionState, type ActionState } from '@/lib/actions/state';
import { FormMessage } from './form-message';
import { SubmitButton } from './submit-button';

/** What the address book's edit action answers: the fields as sent, so a refused form keeps them. */
export type AddressFormState = ActionState<{ values: Partial<Record<AddressField, string>> }, AddressField>;

type Action<S> = (prev: S, formData: FormData) => Promise<S>;

/** One saved address, edited in the same fields as at checkout. */
export function EditAddressForm({
  action,
  address,
  t,
}: {
  action: Action<AddressFormState>;
  address: { id: number } & Record<AddressField, string>;
  t: AddressTexts & { save: string; pending: string };
}) {
  const [state, formAction] = useActionState<AddressFormState, FormData>(action, initialActionState as AddressFormState);
  const { id, ...values } = address;
  return (
    <form action={formAction} className="space-y-4" noValidate data-testid="edit-address-form">
      <FormMessage ok={state.ok} message={state.message} />
      <input type="hidden" name="addressId" value={id} />
      <AddressFields t={t} values={state.values ?? values} errors={state.fieldErrors ?? {}} />
      <SubmitButton label={t.save} pendingLabel={t.pending} className="btn-primary w-full sm:w-auto" />
    </form>
  );
}

/** "Remove", named with the address it removes; the list is read again after. */
export function RemoveAddressForm({ action, addressId, label, name }: { action: Action<ActionState>; addressId: number; label: string; name: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, initialActionState);
  return (
    <form action={formAction} className="contents">
      <input type="hidden" name="addressId" value={addressId} />
      <button type="submit" className="btn-secondary min-h-11 px-3 text-sm" aria-label={name} disabled={pending}>
        {label}
      </button>
      {!state.ok && state.message && (
        <p role="alert" className="field-error basis-full">
          {state.message}
        </p>
      )}
    </form>
  );
}
