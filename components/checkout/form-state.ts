import type { CardField } from '@/lib/payments/card-schema';

export type AddressField = 'name' | 'address' | 'postcode' | 'town' | 'phone';
export type CheckoutField = AddressField | CardField | 'slot' | 'points';

/** What the place-order action returns to the checkout form (useActionState). */
export type CheckoutState = {
  ok: boolean;
  message: string;
  fieldErrors: Partial<Record<CheckoutField, string>>;
  /** The address as sent, so a refused form keeps what the shopper typed (React resets forms after an action). */
  values: Partial<Record<AddressField, string>>;
  /** Bumped on a slot refusal: the picker reloads its places. */
  slotRefused?: number;
};

/** The checkout's pending key in this tab (components/forms/pending-key.ts): one cart per shopper. */
export const CHECKOUT_SCOPE = 'checkout';

export const initialCheckoutState: CheckoutState = { ok: false, message: '', fieldErrors: {}, values: {} };

/** What the hold-slot action answers the picker. */
export type HoldState = { ok: true; slotId: number; expiresAt: string } | { ok: false; message: string };
