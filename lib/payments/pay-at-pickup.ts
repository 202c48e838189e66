import { PaymentRequestError, PaymentStateError } from './errors';
import { assertAmount, newReference, remember, replayOrRun, type IdempotentEntry } from './memory';
import type { PaymentProvider } from './types';

/*
 * "Pay at pickup", the drive's default: authorizing only promises the amount (nothing is held on
 * a card), and the shop takes the money at the drive bay or the counter. capture is called at
 * handover and records that the shop was paid; no money moves through here.
 *
 * It remembers in process memory what it has seen, to keep keys idempotent and to refuse
 * obviously wrong transitions. A reference it does not know (made before a restart) is accepted:
 * the money changed hands at the till, and the order's payment ledger is the record.
 */

type PickupPayment = { amountCents: number; state: 'authorized' | 'captured' | 'voided'; capturedCents: number; refundedCents: number };

export const AT_PICKUP_PROVIDER_ID = 'at_pickup';

export function createPayAtPickupProvider(): PaymentProvider {
  const payments = new Map<string, PickupPayment>();
  const keys = new Map<string, IdempotentEntry>();

  return {
    id: AT_PICKUP_PROVIDER_ID,
    testMode: false,
    methods: ['at_pickup'],
    settlement: 'at_handover',

    async authorize(request) {
      return replayOrRun(keys, request.idempotencyKey, `authorize:${request.amountCents}:${request.method.kind}`, () => {
        assertAmount(request.amountCents);
        if (request.method.kind !== 'at_pickup') {
          throw new PaymentRequestError('method_not_supported', `Pay at pickup takes no "${request.method.kind}" details.`);
        }
        const reference = newReference('pickup_');
        remember(payments, reference, { amountCents: request.amountCents, state: 'authorized', capturedCents: 0, refundedCents: 0 });
        return { status: 'authorized' as const, reference };
      });
    },

    async capture(reference, amountCents, idempotencyKey) {
      return replayOrRun(keys, idempotencyKey, `capture:${reference}:${amountCents}`, () => {
        assertAmount(amountCents, 'capture amount');
        const known = payments.get(reference);
        if (known?.state === 'voided') throw new PaymentStateError('payment_voided', `Payment ${reference} was voided; it cannot be captured.`);
        if (known?.state === 'captured') throw new PaymentStateError('payment_already_captured', `Payment ${reference} was already captured.`);
        if (known && amountCents > known.amountCents) {
          throw new PaymentStateError('capture_exceeds_authorized', `Cannot take ${amountCents} cents: the order was for ${known.amountCents}.`);
        }
        remember(payments, reference, { amountCents, refundedCents: 0, ...known, state: 'captured', capturedCents: amountCents });
        return { reference, capturedCents: amountCents };
      });
    },

    async void(reference) {
      const known = payments.get(reference);
      if (known?.state === 'captured')
        throw new PaymentStateError('payment_already_captured', `Payment ${reference} was taken at handover: refund it instead.`);
      if (known) known.state = 'voided';
      return { reference, voided: true };
    },

    async refund(reference, amountCents, idempotencyKey) {
      return replayOrRun(keys, idempotencyKey, `refund:${reference}:${amountCents}`, () => {
        assertAmount(amountCents, 'refund amount');
        const known = payments.get(reference);
        if (known && known.state !== 'captured')
          throw new PaymentStateError('payment_not_captured', `Payment ${reference} was never taken; nothing to refund.`);
        if (known && amountCents > known.capturedCents - known.refundedCents) {
          throw new PaymentStateError('refund_exceeds_captured', `Cannot refund ${amountCents} cents: ${known.capturedCents - known.refundedCents} remain.`);
        }
        if (known) known.refundedCents += amountCents;
        return { reference, refundId: newReference('pickup_re_'), refundedCents: amountCents, totalRefundedCents: known?.refundedCents ?? amountCents };
      });
    },
  };
}
