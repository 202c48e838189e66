import { expect, it } from 'vitest';
import { isOpenReservation } from './permissions';
import { RESERVATION_STATUSES } from './schema';

it('a reservation is open (held, cancellable, collectable) while placed or ready', () => {
  expect(RESERVATION_STATUSES.filter(isOpenReservation)).toEqual(['placed', 'ready']);
});
