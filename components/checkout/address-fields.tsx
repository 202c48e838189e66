import { useState, type HTMLAttributes } from 'react';
import type { AddressField, SavedAddressOption } from './form-state';

export type AddressTexts = {
  deliveryAddress: string;
  fullName: string;
  address: string;
  postcode: string;
  town: string;
  phone: string;
  phoneHint: string;
  savedAddresses: string;
  newAddress: string;
};

type Props = {
  t: AddressTexts;
  values: Partial<Record<AddressField, string>>;
  errors: Partial<Record<AddressField, string>>;
};

type ChooserProps = Props & {
  /** The shopper's saved addresses, most recently used first (none: only the fields). */
  saved: SavedAddressOption[];
  /** The chosen saved address is no longer on the account. */
  savedError?: string;
};

const oneLine = (a: SavedAddressOption) => `${a.address}, ${a.postcode} ${a.town}`;

/**
 * Checkout's address: the shopper's saved addresses as radio buttons (the most recent chosen), and
 * "another address" opening the fields. The form posts `savedAddress` (an id, or `new`); the
 * server takes a saved one only if it is this shopper's. A refused form comes back on the fields it
 * was typed in.
 */
export function AddressChooser({ saved, savedError, t, values, errors }: ChooserProps) {
  const typed = Object.values(values).some(Boolean) || Object.keys(errors).length > 0;
  const [chosen, setChosen] = useState<number | 'new'>(saved.length > 0 && !typed ? saved[0]!.id : 'new');
  if (saved.length === 0) return <AddressFields t={t} values={values} errors={errors} />;
  return (
    <div className="space-y-3">
      <fieldset className="space-y-2 card p-4" data-testid="saved-addresses" aria-describedby={savedError ? 'saved-address-error' : undefined}>
        <legend className="float-left mb-1 w-full text-base font-bold">{t.savedAddresses}</legend>
        {saved.map((a) => (
          <label
            key={a.id}
            className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-line p-3 has-checked:border-brand-500 has-checked:bg-brand-50"
          >
            <input
              type="radio"
              name="savedAddress"
              value={a.id}
              checked={chosen === a.id}
              onChange={() => setChosen(a.id)}
              className="mt-1 size-4 accent-brand-700"
            />
            <span className="min-w-0">
              <span className="block font-semibold">{a.name}</span>
              <span className="block text-sm break-words text-muted">{oneLine(a)}</span>
            </span>
          </label>
        ))}
        <label className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg border border-line p-3 has-checked:border-brand-500 has-checked:bg-brand-50">
          <input
            type="radio"
            name="savedAddress"
            value="new"
            checked={chosen === 'new'}
            onChange={() => setChosen('new')}
            className="size-4 accent-brand-700"
          />
          <span className="font-semibold">{t.newAddress}</span>
        </label>
        {savedError && (
          <p id="saved-address-error" className="field-error">
            {savedError}
          </p>
        )}
      </fieldset>
      {chosen === 'new' && <AddressFields t={t} values={values} errors={errors} />}
    </div>
  );
}

type FieldProps = {
  name: AddressField;
  label: string;
  autoComplete: string;
  value?: string;
  error?: string;
  hint?: string;
  required?: boolean;
  type?: 'text' | 'tel';
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  maxLength: number;
  className?: string;
};

/** Like components/account/text-field.tsx: hint and error announced with the input. */
function Field({ name, label, autoComplete, value, error, hint, required = true, type = 'text', inputMode, maxLength, className = '' }: FieldProps) {
  const id = `delivery-${name}`;
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        inputMode={inputMode}
        defaultValue={value}
        required={required}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`input ${error ? 'border-out' : ''}`}
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-sm text-muted">
          {hint}
        </p>
      )}
    </div>
  );
}

/** Name, street, postcode and town (France), and a phone for the courier. */
export function AddressFields({ t, values, errors }: Props) {
  return (
    <fieldset className="space-y-3 card p-4" data-testid="delivery-address">
      <legend className="float-left mb-1 w-full text-base font-bold">{t.deliveryAddress}</legend>
      <Field name="name" label={t.fullName} autoComplete="shipping name" value={values.name} error={errors.name} maxLength={100} />
      <Field name="address" label={t.address} autoComplete="shipping street-address" value={values.address} error={errors.address} maxLength={200} />
      <div className="grid grid-cols-[8rem_minmax(0,1fr)] items-start gap-3">
        <Field
          name="postcode"
          label={t.postcode}
          autoComplete="shipping postal-code"
          inputMode="numeric"
          value={values.postcode}
          error={errors.postcode}
          maxLength={5}
        />
        <Field name="town" label={t.town} autoComplete="shipping address-level2" value={values.town} error={errors.town} maxLength={100} />
      </div>
      <Field
        name="phone"
        label={t.phone}
        type="tel"
        autoComplete="shipping tel"
        inputMode="tel"
        value={values.phone}
        error={errors.phone}
        hint={t.phoneHint}
        required={false}
        maxLength={20}
      />
    </fieldset>
  );
}
