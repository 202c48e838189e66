/** What an order page action (I'm here, change slot, cancel) returns to its form. */
export type OrderActionState = { ok: boolean; message: string };

export const initialOrderActionState: OrderActionState = { ok: false, message: '' };
