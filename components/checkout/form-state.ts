import type { ActionResult, ActionState } from '@/lib/actions/state';
import type { CardField } from '@/lib/payments/card-schema';

export type AddressField = 'name' | 'address' | 'postcode' | 'town' | 'phone';
export type CheckoutField = AddressField | CardField | 'slot' | 'points' | 'savedAddress' | 'wallet' | 'giftCardCode';

/**
 * What the place-order action answers the checkout form: the address as sent, so a refused form
 * keeps what the shopper typed (React resets forms after an action), and `slotRefused`, bumped on
 * a slot refusal so the picker reloads its places.
 */
export type CheckoutState = ActionState<{ values: Partial<Record<AddressField | DriveChoiceField, string>>; slotRefused: number }, CheckoutField>;

/** A drive checkout's choices, kept after a refusal: `payment` ('at_pickup' | 'card') and `substitutesWelcome` ('1' | '0'). */
export type DriveChoiceField = 'payment' | 'substitutesWelcome';

/** A saved address as the checkout offers it. */
export type SavedAddressOption = { id: number; name: string; address: string; postcode: string; town: string; phone: string };

/** What the hold-slot action answers the picker. */
export type HoldResult = ActionResult<{ slotId: number; expiresAt: string }>;

/** The checkout's pending key in this tab (components/forms/pending-key.ts): one cart per shopper. */
export const CHECKOUT_SCOPE = 'checkout';
