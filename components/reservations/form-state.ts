/** What a reservation form action returns to its form (useActionState). */
export type ReservationFormState = {
  ok: boolean;
  message: string;
  fieldErrors: Partial<Record<'storeId' | 'quantity', string>>;
};

export const initialReservationFormState: ReservationFormState = { ok: false, message: '', fieldErrors: {} };

/** A reservation's pending key in this tab (components/forms/pending-key.ts), per SKU reserved. */
export const reserveScope = (skuId: number) => `reserve:${skuId}`;
