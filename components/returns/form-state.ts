/** What a returns form action gives back to its form (useActionState). `at` tells apart two equal answers. */
export type ReturnFormState = {
  ok: boolean;
  message: string;
  /** By form field name (`qty_12`, `reason_12`, `storeId`, `windowStartsAt`, `outcome_7`…). */
  fieldErrors: Record<string, string>;
  at: number;
};

export const initialReturnFormState: ReturnFormState = { ok: false, message: '', fieldErrors: {}, at: 0 };

/** A return booking's pending key in this tab (components/forms/pending-key.ts), per order. */
export const returnScope = (orderNumber: string) => `return:${orderNumber}`;
