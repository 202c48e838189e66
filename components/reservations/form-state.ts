/** A reservation's pending key in this tab (components/forms/pending-key.ts), per SKU reserved. */
export const reserveScope = (skuId: number) => `reserve:${skuId}`;
