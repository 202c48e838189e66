/** A cart line as the page shows it: texts already in the shopper's language, the availability mark included. */
export type CartLineView = {
  skuId: number;
  href: string;
  name: string;
  brand: string;
  image: string | null;
  /** "42 · Navy" */
  variant: string;
  quantity: number;
  unitPriceCents: number;
  /** "Not available for drive at X — only 1 left", or null when the chosen mode can serve it. */
  mark: string | null;
};

export type CartViewTexts = {
  quantityOf: string;
  decrease: string;
  increase: string;
  remove: string;
  removeItem: string;
  each: string;
  subtotal: string;
  subtotalHint: string;
  items: string;
  empty: string;
  emptyHint: string;
  browse: string;
  checkout: string;
  failed: string;
};
