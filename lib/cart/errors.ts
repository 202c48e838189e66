import { DomainError } from '@/lib/errors';

export class UnknownSkuError extends DomainError {
  constructor() {
    super('unknown_sku', 'This item no longer exists. Reload the page.');
  }
}

export class CartQuantityError extends DomainError {
  constructor(readonly max: number) {
    super('cart_quantity', `Choose a quantity from 1 to ${max}.`);
  }
}

export class CartFullError extends DomainError {
  constructor(readonly maxLines: number) {
    super('cart_full', `Your cart already holds ${maxLines} different items, the most it can hold. Remove one first.`);
  }
}

/** The line was removed meanwhile (another tab, a merge): nothing to change. */
export class CartLineNotFoundError extends DomainError {
  constructor() {
    super('cart_line_not_found', 'This item is no longer in your cart.');
  }
}

/** No cart for this visitor (cookie gone, cart swept): same answer whatever the reason. */
export class CartNotFoundError extends DomainError {
  constructor() {
    super('cart_not_found', 'Your cart could not be found. Reload the page.');
  }
}

export class StoreWithoutDriveError extends DomainError {
  constructor() {
    super('store_without_drive', 'This shop does not offer drive pickup. Choose another shop.');
  }
}

/** For checkout: a line's product was withdrawn from sale since it was added. */
export class ProductWithdrawnError extends DomainError {
  constructor(readonly skuId: number) {
    super('product_withdrawn', 'An item in your cart is no longer sold. Remove it to place your order.');
  }
}

/** For checkout: nothing to order. */
export class EmptyCartError extends DomainError {
  constructor() {
    super('empty_cart', 'Your cart is empty.');
  }
}

/** A till's key already put units in another customer's basket, or was used at another store. */
export class CartKeyReusedError extends DomainError {
  constructor() {
    super('cart_key_reused', 'This request was already used for another basket. Start again.');
  }
}
