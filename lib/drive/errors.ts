import { DomainError } from '@/lib/errors';

/** Not a shop, or a shop without a drive. */
export class DriveNotAvailableError extends DomainError {
  constructor() {
    super('drive_not_available', 'This shop does not offer drive pickup. Choose another shop.');
  }
}

export class SlotNotFoundError extends DomainError {
  constructor() {
    super('drive_slot_not_found', 'This pickup slot does not exist. Choose one from the list.');
  }
}

/** A slot id from another shop than the one the order is for (a stale page or a crafted request). */
export class SlotOfAnotherStoreError extends DomainError {
  constructor() {
    super('drive_slot_other_store', 'This pickup slot belongs to another shop. Choose a slot at the shop you picked.');
  }
}

export class SlotClosedError extends DomainError {
  constructor() {
    super('drive_slot_closed', 'The drive is closed that day. Choose another day.');
  }
}

export class SlotPastCutoffError extends DomainError {
  constructor(readonly cutoffMinutes: number) {
    super('drive_slot_past_cutoff', `Too late for this slot: orders close ${formatLead(cutoffMinutes)} before it starts. Choose a later slot.`);
  }
}

export class SlotFullError extends DomainError {
  constructor(readonly capacity: number) {
    super('drive_slot_full', 'This pickup slot has just filled up. Choose another one.');
  }
}

/** The order already has a booked slot, and it is another one (move it instead). */
export class OrderAlreadyBookedError extends DomainError {
  constructor() {
    super('drive_order_booked', 'This order already has a pickup slot.');
  }
}

export class BookingNotFoundError extends DomainError {
  constructor() {
    super('drive_booking_not_found', 'This order has no pickup slot booked.');
  }
}

/** Staff lowering a slot's capacity below the orders already booked on it. */
export class CapacityBelowTakenError extends DomainError {
  constructor(readonly taken: number) {
    super('drive_capacity_below_taken', `${taken} places are already taken in this slot: the capacity cannot go below that.`);
  }
}

function formatLead(minutes: number): string {
  if (minutes % 60 === 0) return `${minutes / 60} h`;
  return minutes > 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
}
