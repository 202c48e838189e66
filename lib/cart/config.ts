/** Cart limits, configurable by environment (a chain sets its own policy). */
function envInt(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  return n;
}

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
