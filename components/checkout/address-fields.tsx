import type { HTMLAttributes } from 'react';
import type { AddressField } from './form-state';

export type AddressTexts = { deliveryAddress: string; fullName: string; address: string; postcode: string; town: string; phone: string; phoneHint: string };

type Props = {
  t: AddressTexts;
  values: Partial<Record<AddressField, string>>;
  errors: Partial<Record<AddressField, string>>;
};

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
