/** A return booking's pending key in this tab (components/forms/pending-key.ts), per order. */
export const returnScope = (orderNumber: string) => `return:${orderNumber}`;
