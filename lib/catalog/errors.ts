import { DomainError } from '@/lib/errors';

/** No such product (or SKU, or scheduled change): said the same whether it never existed or was removed. */
export class CatalogNotFoundError extends DomainError {
  constructor(readonly entity: 'product' | 'sku' | 'scheduled_price' | 'picture') {
    super('catalog_not_found', `This ${entity} was not found.`);
  }
}

/** The form was read before someone else's change to the same record: nothing was written. */
export class StaleEditError extends DomainError {
  constructor(readonly entity: 'product' | 'sku') {
    super('catalog_stale_edit', `Someone changed this ${entity} since you opened it. Your changes were not saved: reload and make them again.`);
  }
}

/** An EAN-13 another SKU already carries. */
export class EanTakenError extends DomainError {
  constructor(readonly ean13: string) {
    super('catalog_ean_taken', `Another SKU already carries the barcode ${ean13}.`);
  }
}

/** A scheduled change no longer pending: applied or cancelled already. */
export class ScheduledPriceClosedError extends DomainError {
  constructor(readonly state: 'applied' | 'cancelled') {
    super('scheduled_price_closed', `This price change was already ${state}.`);
  }
}

/** A scheduled change for a moment already past. */
export class ScheduledPriceInPastError extends DomainError {
  constructor() {
    super('scheduled_price_in_past', 'A scheduled price change must be for a later date and time.');
  }
}

/** A product already showing as many pictures as it may. */
export class TooManyPicturesError extends DomainError {
  constructor(readonly max: number) {
    super('too_many_pictures', `A product has ${max} pictures at most.`);
  }
}
