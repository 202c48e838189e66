import { describe, expect, it } from 'vitest';
import { DropOffWindowFullError, InvalidReturnError, ReturnNotFoundError, ReturnOrderNotFoundError, ReturnStateError } from './errors';
import { NotEnoughStoreCreditError } from '@/lib/wallet/errors';
import { returnRefusalStatus } from './http-status';

describe('returnRefusalStatus', () => {
  it('someone else’s → 404, a state or a full window → 409, the request’s own mistakes → 422, anything else → null', () => {
    expect(returnRefusalStatus(new ReturnOrderNotFoundError())).toBe(404);
    expect(returnRefusalStatus(new ReturnNotFoundError())).toBe(404);
    expect(returnRefusalStatus(new ReturnStateError('refunded', 'checked in again'))).toBe(409);
    expect(returnRefusalStatus(new DropOffWindowFullError(4))).toBe(409);
    expect(returnRefusalStatus(new NotEnoughStoreCreditError(0))).toBe(409);
    expect(returnRefusalStatus(new InvalidReturnError('quantity'))).toBe(422);
    expect(returnRefusalStatus(new Error('boom'))).toBeNull();
  });
});
