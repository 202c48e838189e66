import 'server-only';
import { wholeNumber } from '@/lib/input/integer';
import type { CartActionState } from '@/components/cart/form-state';
import { CartFullError, CartLineNotFoundError, CartNotFoundError, CartQuantityError, StoreWithoutDriveError, UnknownSkuError } from '@/lib/cart/errors';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { interpolate } from '@/lib/i18n/format';

/*
 * Shared by the cart actions: the id schema (bounded to a Postgres int before any query sees it)
 * and every refusal the cart domain can give, as a sentence in the shopper's language.
 */
export const idSchema = wholeNumber(1, 2_147_483_647);

export function refused(message: string): CartActionState {
  return { ok: false, message };
}

/** Refusals become a sentence; anything unexpected is rethrown (a real bug, logged by Next). */
export function cartRefusal(err: unknown, t: Dictionary['cart']): CartActionState {
  if (err instanceof CartQuantityError) return refused(interpolate(t.quantityRange, { max: err.max }));
  if (err instanceof CartFullError) return refused(interpolate(t.cartFull, { max: err.maxLines }));
  if (err instanceof UnknownSkuError) return refused(t.unknownSku);
  if (err instanceof CartLineNotFoundError) return refused(t.lineGone);
  if (err instanceof CartNotFoundError) return refused(t.cartNotFound);
  if (err instanceof StoreWithoutDriveError) return refused(t.storeWithoutDrive);
  throw err;
}
