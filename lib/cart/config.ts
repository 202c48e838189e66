import { envInt } from '@/lib/env-int';

/** Cart limits, configurable by environment (a chain sets its own policy). */
export type CartLimits = {
  /** Units of one SKU a cart may hold (the database refuses more than 999 whatever this says). */
  maxPerLine: number;
  /** Different SKUs a cart may hold. */
  maxLines: number;
};

export function cartLimits(): CartLimits {
  return {
    maxPerLine: envInt('CART_MAX_PER_LINE', 20, 1, 999),
    maxLines: envInt('CART_MAX_LINES', 50, 1, 500),
  };
}

/** How long the anonymous cart cookie lives, and how long an untouched anonymous cart is kept. */
export const ANONYMOUS_CART_DAYS = 60;
