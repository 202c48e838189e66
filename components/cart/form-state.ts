/** What a cart action returns to the UI: a sentence for the shopper, and the cart's new unit count. */
export type CartActionState = { ok: boolean; message: string; count?: number };

export const initialCartActionState: CartActionState = { ok: false, message: '' };
