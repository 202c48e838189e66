import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/guards';
import { queryRows } from '@/lib/db/client';
import { getDriveHub } from '@/lib/events/drive-hub';
import { onPostgres, useTestDatabase } from '@/test/support/db';
import { sealCustomerPass } from '@/lib/sales/customer-pass';
import { actAs, NavigationSignal } from '@/test/support/next-request';
import { fingerprint, form, one, seedWorld, type World } from '@/test/support/world';

vi.mock('next/headers', async () => (await import('@/test/support/next-request')).nextHeaders);
vi.mock('next/navigation', async () => (await import('@/test/support/next-request')).nextNavigation);
vi.mock('next/cache', async () => (await import('@/test/support/next-request')).nextCache);
vi.mock('next/server', async () => ({ ...(await import('next/server.js')), connection: async () => {} }));
vi.mock('next-auth', async () => (await import('@/test/support/next-request')).nextAuth);
vi.mock('@/lib/auth', async () => (await import('@/test/support/next-request')).auth);

import { joinLoyaltyAction } from './[locale]/(shop)/account/card/actions';
import { cancelOrderAction } from './[locale]/(shop)/account/orders/[number]/cancel-order-action';
import { markArrivedAction } from './[locale]/(shop)/account/orders/[number]/mark-arrived-action';
import { answerSubstituteAction } from './[locale]/(shop)/account/orders/[number]/answer-substitute-action';
import { pickLineAction } from './[locale]/(staff)/staff/stores/[storeId]/drive/pick/[orderId]/pick-line-action';
import { moveSlotAction } from './[locale]/(shop)/account/orders/[number]/move-slot-action';
import { bookReturnAction } from './[locale]/(shop)/account/orders/[number]/return/book-return-action';
import { cancelReservationAction } from './[locale]/(shop)/account/reservations/[id]/cancel-reservation-action';
import { cancelReturnAction } from './[locale]/(shop)/account/returns/[code]/cancel-return-action';
import { rescheduleReturnAction } from './[locale]/(shop)/account/returns/[code]/reschedule-return-action';
import { reserveAction } from './[locale]/(catalogue)/p/[slug]/reserve-action';
import { cancelDeliveryOrderAction } from './[locale]/(staff)/staff/deliveries/cancel-delivery-action';
import { deliverOrderAction } from './[locale]/(staff)/staff/deliveries/deliver-action';
import { shipOrderAction } from './[locale]/(staff)/staff/deliveries/ship-action';
import { startDeliveryPreparingAction } from './[locale]/(staff)/staff/deliveries/start-preparing-action';
import { correctCountAction } from './[locale]/(staff)/staff/stores/[storeId]/correct-count-action';
import { cancelDriveOrderAction } from './[locale]/(staff)/staff/stores/[storeId]/drive/cancel-order-action';
import { handOverAction as driveHandOverAction } from './[locale]/(staff)/staff/stores/[storeId]/drive/hand-over-action';
import { markReadyAction as driveMarkReadyAction } from './[locale]/(staff)/staff/stores/[storeId]/drive/mark-ready-action';
import { startPreparingAction } from './[locale]/(staff)/staff/stores/[storeId]/drive/start-preparing-action';
import { cancelReservationAction as deskCancelReservationAction } from './[locale]/(staff)/staff/stores/[storeId]/pickup/cancel-reservation-action';
import { handOverAction as pickupHandOverAction } from './[locale]/(staff)/staff/stores/[storeId]/pickup/hand-over-action';
import { markReadyAction as pickupMarkReadyAction } from './[locale]/(staff)/staff/stores/[storeId]/pickup/mark-ready-action';
import { recordDeliveryAction } from './[locale]/(staff)/staff/stores/[storeId]/record-delivery-action';
import { checkInAction } from './[locale]/(staff)/staff/stores/[storeId]/returns/check-in-action';
import { retryRefundAction } from './[locale]/(staff)/staff/stores/[storeId]/returns/retry-refund-action';
import { walkInAction } from './[locale]/(staff)/staff/stores/[storeId]/returns/walk-in-action';
import { closeTillAction } from './[locale]/(staff)/staff/stores/[storeId]/till/close/close-till-action';
import { sellGiftCardAction } from './[locale]/(staff)/staff/stores/[storeId]/till/gift-card/sell-gift-card-action';
import { completeSaleAction } from './[locale]/(staff)/staff/stores/[storeId]/till/complete-sale-action';
import { parisToday } from '@/lib/sales/close';
import { pickLine } from '@/lib/orders/picking';
import { listSubstituteCandidates } from '@/lib/orders/substitutes';
import { elsewhereAction } from './[locale]/(staff)/staff/stores/[storeId]/till/elsewhere-action';
import { findCustomerAction } from './[locale]/(staff)/staff/stores/[storeId]/till/find-customer-action';
import { findItemAction } from './[locale]/(staff)/staff/stores/[storeId]/till/find-item-action';
import { checkGiftCardAction } from './[locale]/(staff)/staff/stores/[storeId]/till/check-gift-card-action';
import { orderHomeDeliveryAction } from './[locale]/(staff)/staff/stores/[storeId]/till/home-delivery-action';
import { orderElsewhereAction } from './[locale]/(staff)/staff/stores/[storeId]/till/order-elsewhere-action';
import { importFileAction } from './[locale]/(admin)/admin/imports/import-action';
import { cancelScheduledPriceAction } from './[locale]/(admin)/admin/products/[id]/cancel-scheduled-price-action';
import { schedulePriceAction } from './[locale]/(admin)/admin/products/[id]/schedule-price-action';
import { setWithdrawnAction } from './[locale]/(admin)/admin/products/[id]/set-withdrawn-action';
import { updateProductAction } from './[locale]/(admin)/admin/products/[id]/update-product-action';
import { updateSkuAction } from './[locale]/(admin)/admin/products/[id]/update-sku-action';
import { movePictureAction } from './[locale]/(admin)/admin/products/[id]/move-picture-action';
import { removePictureAction } from './[locale]/(admin)/admin/products/[id]/remove-picture-action';
import { uploadPictureAction } from './[locale]/(admin)/admin/products/[id]/upload-picture-action';
import { folderStorage } from '@/lib/media/folder';
import { setMediaStorage } from '@/lib/media/storage';
import { GET as driveScreenGET } from './api/staff/stores/[storeId]/drive/route';
import { GET as driveStreamGET } from './api/staff/stores/[storeId]/drive/stream/route';
import { GET as orderStreamGET } from './api/account/orders/[number]/stream/route';
import { createKeyAction } from './[locale]/(admin)/admin/api-keys/create-key-action';
import { revokeKeyAction } from './[locale]/(admin)/admin/api-keys/revoke-key-action';
import { addEndpointAction } from './[locale]/(admin)/admin/webhooks/add-endpoint-action';
import { disableEndpointAction } from './[locale]/(admin)/admin/webhooks/disable-endpoint-action';
import { retryDeliveryAction } from './[locale]/(admin)/admin/webhooks/retry-delivery-action';
import { createApiKey } from '@/lib/api/keys';
import { registerWebhookEndpoint } from '@/lib/webhooks/commands';

/**
 * Issue 7's access walk: every server action and route handler that takes the id of an order, a
 * reservation, a return, a loyalty card or a store, called by people it does not belong to — a
 * shopper who is not the owner, staff of another shop (naming the record's shop, and naming their
 * own shop with the record's id), and for staff desks a shopper too. Each call must:
 *   1. be refused,
 *   2. write nothing anywhere in the database (`fingerprint`: a log of every row written),
 *   3. answer exactly what it answers for an id that does not exist — so it reveals nothing, not
 *      even that the record exists.
 * Then the rightful person makes the same call and it succeeds, which proves the request was well
 * formed: the refusal was about who asked.
 *
 * The demo seed is the world (~10 s on PostgreSQL); with both databases at hand it runs once, on
 * PostgreSQL.
 */
const runHere = onPostgres || !process.env.POSTGRES_PROJECT;
const BOGUS_ID = 2_147_483_000;
/** The previous form state a useActionState action receives; these actions do not read it. */
const idle = {} as never;
const BOGUS_STORE = 2_147_483_001;

type Outsider = 'intruder' | 'staffB' | 'staffB at own shop';
type Case = {
  name: string;
  /** Who tries it; each gets `call(ids)` with the real ids and with bogus ones. */
  outsiders: Outsider[];
  call: (as: Outsider | 'rightful') => Promise<unknown>;
  bogus: (as: Outsider) => Promise<unknown>;
  /** The record's rightful actor, and whether their call must succeed (some depend on the hour). */
  rightful?: () => Promise<SessionUser>;
  succeeds?: (result: unknown) => void;
};

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let world: World;
const cases: Case[] = [];

/** What an action returned, or where it navigated, or the status and body a handler answered. */
async function outcome(run: () => Promise<unknown>): Promise<unknown> {
  try {
    const result = await run();
    if (result instanceof Response) return { status: result.status, body: await result.text() };
    // `at` stamps a form state with when it was made, so that a repeated message shows again.
    if (typeof result === 'object' && result !== null && 'at' in result) return { ...result, at: undefined };
    return result;
  } catch (err) {
    if (err instanceof NavigationSignal) return { navigatedTo: err.to };
    throw err;
  }
}

function okOf(result: unknown): boolean {
  return typeof result === 'object' && result !== null && 'ok' in result ? (result as { ok: boolean }).ok : false;
}

/** Done: an ok state, a page that answered, or the next page of the flow (not the sign-in page). */
function succeeded(result: unknown): boolean {
  if (okOf(result)) return true;
  if (typeof result !== 'object' || result === null) return false;
  if ('status' in result) return result.status === 200;
  // The sign-in page in either language (the requests here are English: /en/sign-in).
  return 'navigatedTo' in result && !/^(?:\/en)?\/sign-in/.test(String(result.navigatedTo));
}

async function asPerson(user: SessionUser | null, run: () => Promise<unknown>): Promise<unknown> {
  actAs(user);
  return outcome(run);
}

describe.runIf(runHere)('who may act on which record: every action and route handler that takes an id', () => {
  beforeAll(async () => {
    conn = await useTestDatabase();
    world = await seedWorld(conn.db);
    const storeA = (await one<{ id: number }>('SELECT min(store_id) AS id FROM staff_memberships WHERE user_id = $1', [world.staffA.id])).id;
    const samStores = `(SELECT store_id FROM staff_memberships WHERE user_id = ${world.staffA.id})`;
    const { storeB } = world;
    const who = (as: Outsider): SessionUser => (as === 'intruder' ? world.intruder : world.staffB);
    const shopOf = (as: Outsider | 'rightful', real: number) => (as === 'staffB at own shop' ? storeB : real);

    // --- reservations: three placed and one ready at store A, each for its own case.
    type Reservation = { id: number; customer_id: number; idempotency_key: string; code: string };
    const [rReady, rDeskCancel, rOwnerCancel, rKey] = (await queryRows<Reservation>(
      `SELECT id, customer_id, idempotency_key, code FROM reservations WHERE store_id = $1 AND status = 'placed' AND expires_at > now() + interval '1 hour' ORDER BY id LIMIT 4`,
      [storeA],
    )) as [Reservation, Reservation, Reservation, Reservation];
    const reservationCase = (name: string, action: typeof pickupMarkReadyAction, record: { id: number }) =>
      cases.push({
        name,
        outsiders: ['staffB', 'staffB at own shop', 'intruder'],
        call: (as) => action(idle, form({ storeId: shopOf(as, storeA), reservationId: record.id })),
        bogus: (as) =>
          action(
            idle,
            form({ storeId: as === 'staffB at own shop' ? storeB : BOGUS_STORE, reservationId: as === 'staffB at own shop' ? BOGUS_ID : record.id }),
          ),
        rightful: async () => world.staffA,
      });
    reservationCase('pickup desk: mark a reservation ready', pickupMarkReadyAction, rReady);
    cases.push({
      name: 'pickup desk: hand over (the reservation just made ready)',
      outsiders: ['staffB', 'staffB at own shop', 'intruder'],
      call: (as) => pickupHandOverAction(idle, form({ storeId: shopOf(as, storeA), reservationId: rReady.id })),
      bogus: (as) =>
        pickupHandOverAction(
          idle,
          form({ storeId: as === 'staffB at own shop' ? storeB : BOGUS_STORE, reservationId: as === 'staffB at own shop' ? BOGUS_ID : rReady.id }),
        ),
      rightful: async () => world.staffA,
    });
    reservationCase('pickup desk: cancel a reservation', deskCancelReservationAction, rDeskCancel);
    cases.push({
      name: "shopper: cancel someone else's reservation",
      outsiders: ['intruder', 'staffB'],
      call: () => cancelReservationAction(idle, form({ reservationId: rOwnerCancel.id })),
      bogus: () => cancelReservationAction(idle, form({ reservationId: BOGUS_ID })),
      rightful: () => world.person(rOwnerCancel.customer_id),
    });
    const sku = await one<{ id: number }>(`SELECT sku_id AS id FROM stock WHERE location_id = ${storeA} AND on_hand - reserved > 2 ORDER BY sku_id LIMIT 1`);
    cases.push({
      name: "shopper: reserve with someone else's idempotency key",
      outsiders: ['intruder', 'staffB'],
      call: () => reserveAction(idle, form({ storeId: storeA, skuId: sku.id, quantity: 1, idempotencyKey: rKey.idempotency_key })),
      bogus: async () => {
        // A key nobody used would place a reservation; what must match is that nothing of the owner's shows.
        return 'compared by content';
      },
    });

    // --- drive orders at the demo staff member's shops.
    type DriveOrder = { id: number; number: string; location_id: number; customer_id: number };
    const [dFlow, dStaffCancel, dOwner, dProposed] = (await queryRows<DriveOrder>(
      `SELECT o.id, o.number, o.location_id, o.customer_id FROM orders o WHERE o.mode = 'drive' AND o.status = 'placed' AND o.location_id IN ${samStores} ORDER BY o.id LIMIT 4`,
      [],
    )) as [DriveOrder, DriveOrder, DriveOrder, DriveOrder];
    const lineOf = async (o: DriveOrder) =>
      one<{ id: number; sku_id: number; quantity: number }>('SELECT id, sku_id, quantity FROM order_lines WHERE order_id = $1 ORDER BY id LIMIT 1', [o.id]);
    const flowLine = await lineOf(dFlow);
    // A substitute proposed on dProposed (set up as staff would, before the fingerprints): the shopper's answer is the case.
    const proposedLine = await lineOf(dProposed);
    const [candidate] = (await listSubstituteCandidates(dProposed.location_id, [proposedLine.sku_id], 'en')).get(proposedLine.sku_id) ?? [];
    if (!candidate) throw new Error('the demo seed has no substitute for the drive order line the access test proposes one on');
    await pickLine({
      orderId: dProposed.id,
      locationId: dProposed.location_id,
      actorId: world.staffA.id,
      lineId: proposedLine.id,
      found: 0,
      substituteSkuId: candidate.skuId,
    });
    const driveCase = (name: string, action: typeof startPreparingAction, record: { id: number; location_id: number }) =>
      cases.push({
        name,
        outsiders: ['staffB', 'staffB at own shop', 'intruder'],
        call: (as) => action(idle, form({ storeId: shopOf(as, record.location_id), orderId: record.id })),
        bogus: (as) =>
          action(idle, form({ storeId: as === 'staffB at own shop' ? storeB : BOGUS_STORE, orderId: as === 'staffB at own shop' ? BOGUS_ID : record.id })),
        rightful: async () => world.staffA,
      });
    driveCase('drive: start preparing an order', startPreparingAction, dFlow);
    cases.push({
      name: 'drive: pick a line of an order',
      outsiders: ['staffB', 'staffB at own shop', 'intruder'],
      call: (as) => pickLineAction(idle, form({ storeId: shopOf(as, dFlow.location_id), orderId: dFlow.id, lineId: flowLine.id, found: flowLine.quantity })),
      bogus: (as) =>
        pickLineAction(
          idle,
          form({
            storeId: as === 'staffB at own shop' ? storeB : BOGUS_STORE,
            orderId: as === 'staffB at own shop' ? BOGUS_ID : dFlow.id,
            lineId: flowLine.id,
            found: flowLine.quantity,
          }),
        ),
      rightful: async () => world.staffA,
    });
    driveCase('drive: mark it ready', driveMarkReadyAction, dFlow);
    driveCase('drive: hand it over', driveHandOverAction, dFlow);
    driveCase('drive: cancel an order', cancelDriveOrderAction, dStaffCancel);

    const slot = await one<{ id: number }>(
      `SELECT id FROM drive_slots WHERE store_id = $1 AND starts_at > now() + interval '2 days' ORDER BY starts_at LIMIT 1`,
      [dOwner.location_id],
    );
    cases.push(
      {
        name: "shopper: say I'm here for someone else's drive order",
        outsiders: ['intruder', 'staffB'],
        call: () => markArrivedAction(idle, form({ orderId: dOwner.id, bay: '3' })),
        bogus: () => markArrivedAction(idle, form({ orderId: BOGUS_ID, bay: '3' })),
        rightful: () => world.person(dOwner.customer_id),
        succeeds: () => {}, // whether arrival is open depends on the hour of the slot
      },
      {
        name: "shopper: answer a substitute proposed on someone else's drive order",
        outsiders: ['intruder', 'staffB'],
        call: () => answerSubstituteAction(idle, form({ orderId: dProposed.id, lineId: proposedLine.id, answer: 'accepted' })),
        bogus: () => answerSubstituteAction(idle, form({ orderId: BOGUS_ID, lineId: proposedLine.id, answer: 'accepted' })),
        rightful: () => world.person(dProposed.customer_id),
      },
      {
        name: "shopper: move someone else's drive slot",
        outsiders: ['intruder', 'staffB'],
        call: () => moveSlotAction(idle, form({ orderId: dOwner.id, slotId: slot.id })),
        bogus: () => moveSlotAction(idle, form({ orderId: BOGUS_ID, slotId: slot.id })),
        rightful: () => world.person(dOwner.customer_id),
        succeeds: () => {}, // the slot may be full
      },
      {
        name: "shopper: cancel someone else's drive order",
        outsiders: ['intruder', 'staffB'],
        call: () => cancelOrderAction(idle, form({ orderId: dOwner.id })),
        bogus: () => cancelOrderAction(idle, form({ orderId: BOGUS_ID })),
        rightful: () => world.person(dOwner.customer_id),
      },
    );

    // --- home deliveries: the deliveries desk is the admin's (the web warehouse has no members).
    const web = await one<{ id: number; customer_id: number }>(
      `SELECT id, customer_id FROM orders WHERE mode = 'delivery' AND status = 'placed' ORDER BY id LIMIT 1`,
    );
    for (const [name, action] of [
      ['deliveries desk: start preparing', startDeliveryPreparingAction],
      ['deliveries desk: ship', shipOrderAction],
      ['deliveries desk: deliver', deliverOrderAction],
    ] as const) {
      cases.push({
        name,
        outsiders: ['staffB', 'intruder'],
        call: () => action(idle, form({ orderId: web.id })),
        bogus: () => action(idle, form({ orderId: BOGUS_ID })),
        rightful: async () => world.admin,
        succeeds: () => {}, // the test payment provider holds no authorisation for a seeded order
      });
    }
    cases.push(
      {
        name: "shopper: cancel someone else's home delivery",
        outsiders: ['intruder', 'staffB'],
        call: () => cancelOrderAction(idle, form({ orderId: web.id })),
        bogus: () => cancelOrderAction(idle, form({ orderId: BOGUS_ID })),
      },
      {
        name: 'deliveries desk: cancel',
        outsiders: ['staffB', 'intruder'],
        call: () => cancelDeliveryOrderAction(idle, form({ orderId: web.id })),
        bogus: () => cancelDeliveryOrderAction(idle, form({ orderId: BOGUS_ID })),
      },
    );

    // --- returns: a booked return at store A, and a delivered order with nothing returned yet.
    const booked = await one<{ code: string; store_id: number; customer_id: number; line_id: number }>(
      `SELECT r.code, r.store_id, r.customer_id, min(l.id) AS line_id FROM returns r JOIN return_lines l ON l.return_id = r.id
       WHERE r.status = 'booked' AND r.store_id IN ${samStores} GROUP BY r.id ORDER BY r.id LIMIT 1`,
    );
    const delivered = await one<{ number: string; customer_id: number; line_id: number }>(
      `SELECT o.number, o.customer_id, min(l.id) AS line_id FROM orders o JOIN order_lines l ON l.order_id = o.id
       WHERE o.mode = 'delivery' AND o.status = 'delivered' AND NOT EXISTS (SELECT 1 FROM returns r WHERE r.order_id = o.id)
       GROUP BY o.id ORDER BY o.id LIMIT 1`,
    );
    const window = new Date(Date.now() + 3 * 86_400_000).toISOString();
    cases.push(
      {
        name: "shopper: book a return of someone else's order",
        outsiders: ['intruder', 'staffB'],
        call: () =>
          bookReturnAction(
            idle,
            form({
              orderNumber: delivered.number,
              storeId: booked.store_id,
              windowStartsAt: window,
              refund: 'original',
              idempotencyKey: randomUUID(),
              [`qty_${delivered.line_id}`]: 1,
              [`reason_${delivered.line_id}`]: 'wrong_size',
            }),
          ),
        bogus: () =>
          bookReturnAction(
            idle,
            form({
              orderNumber: 'CMD-NOSUCH00',
              storeId: booked.store_id,
              windowStartsAt: window,
              refund: 'original',
              idempotencyKey: randomUUID(),
              [`qty_${delivered.line_id}`]: 1,
              [`reason_${delivered.line_id}`]: 'wrong_size',
            }),
          ),
      },
      {
        name: "shopper: move someone else's return",
        outsiders: ['intruder', 'staffB'],
        call: () => rescheduleReturnAction(idle, form({ code: booked.code, windowStartsAt: window })),
        bogus: () => rescheduleReturnAction(idle, form({ code: 'R-NOSUCH', windowStartsAt: window })),
      },
      {
        name: "shopper: cancel someone else's return",
        outsiders: ['intruder', 'staffB'],
        call: () => cancelReturnAction(idle, form({ code: booked.code })),
        bogus: () => cancelReturnAction(idle, form({ code: 'R-NOSUCH' })),
      },
      {
        name: 'returns desk: retry a refund',
        outsiders: ['staffB', 'staffB at own shop', 'intruder'],
        call: (as) => retryRefundAction(idle, form({ storeId: shopOf(as, booked.store_id), code: booked.code, asStoreCredit: '1' })),
        bogus: (as) =>
          retryRefundAction(
            idle,
            form({
              storeId: as === 'staffB at own shop' ? storeB : BOGUS_STORE,
              code: as === 'staffB at own shop' ? 'R-NOSUCH' : booked.code,
              asStoreCredit: '1',
            }),
          ),
      },
      {
        name: 'returns desk: check a return in',
        outsiders: ['staffB', 'staffB at own shop', 'intruder'],
        call: (as) => checkInAction(idle, form({ storeId: shopOf(as, booked.store_id), code: booked.code, [`outcome_${booked.line_id}`]: 'resellable' })),
        bogus: (as) =>
          checkInAction(
            idle,
            form({
              storeId: as === 'staffB at own shop' ? storeB : BOGUS_STORE,
              code: as === 'staffB at own shop' ? 'R-NOSUCH' : booked.code,
              [`outcome_${booked.line_id}`]: 'resellable',
            }),
          ),
        rightful: async () => world.staffA,
      },
      {
        name: 'returns desk: take back a walk-in',
        outsiders: ['staffB', 'intruder'],
        call: () =>
          walkInAction(
            idle,
            form({
              storeId: storeA,
              orderNumber: delivered.number,
              refund: 'original',
              idempotencyKey: randomUUID(),
              [`qty_${delivered.line_id}`]: 1,
              [`reason_${delivered.line_id}`]: 'wrong_size',
              [`outcome_${delivered.line_id}`]: 'resellable',
            }),
          ),
        bogus: () =>
          walkInAction(
            idle,
            form({
              storeId: BOGUS_STORE,
              orderNumber: delivered.number,
              refund: 'original',
              idempotencyKey: randomUUID(),
              [`qty_${delivered.line_id}`]: 1,
              [`reason_${delivered.line_id}`]: 'wrong_size',
              [`outcome_${delivered.line_id}`]: 'resellable',
            }),
          ),
        rightful: async () => world.staffA,
      },
    );

    // --- stock and the till, naming store A.
    const ean = await one<{ ean13: string }>('SELECT ean13 FROM skus WHERE id = $1', [sku.id]);
    const member = await one<{ customer_id: number; card_number: string }>(
      'SELECT customer_id, card_number FROM loyalty_accounts ORDER BY customer_id LIMIT 1',
    );
    const storeCase = (name: string, run: (store: number, as: Outsider | 'rightful') => Promise<unknown>, rightful = true, store = storeA) =>
      cases.push({
        name,
        outsiders: ['staffB', 'intruder'],
        call: (as) => run(store, as),
        bogus: (as) => run(BOGUS_STORE, as),
        ...(rightful ? { rightful: async () => world.staffA } : {}),
      });
    storeCase('stock: record a delivery', (store) =>
      recordDeliveryAction(idle, form({ storeId: store, skuId: sku.id, idempotencyKey: randomUUID(), quantity: 2 })),
    );
    storeCase('stock: correct a count', (store) =>
      correctCountAction(idle, form({ storeId: store, skuId: sku.id, idempotencyKey: randomUUID(), countedOnHand: 40 })),
    );
    storeCase('till: find an item', (store) => findItemAction(store, ean.ean13));
    storeCase('till: find a customer by loyalty card', (store) => findCustomerAction(store, member.card_number));
    storeCase('till: stock elsewhere', (store) => elsewhereAction(store, sku.id));
    // A gift card's balance is read for this shop's till only (its code spends it: it is never shown to another shop's staff).
    storeCase('till: check a gift card', (store) => checkGiftCardAction(store, 'GC-ABCD-EFGH-JKMN-PQRS'), false);
    storeCase('till: sell a gift card', (store) =>
      sellGiftCardAction({ storeId: store, idempotencyKey: randomUUID(), amountCents: 2000, tender: { kind: 'cash', givenCents: 2000 } }),
    );
    storeCase('till: close the day', (store) => closeTillAction({ storeId: store, businessDay: parisToday(), idempotencyKey: randomUUID() }));
    // A pass sealed for this very person and shop (as if the finder had been fooled): the sale, the
    // order elsewhere and the home delivery still check the shop's membership themselves.
    const passFor = (store: number, as: Outsider | 'rightful') =>
      sealCustomerPass({ customerId: member.customer_id, identifiedBy: 'card' }, { storeId: store, staffId: (as === 'rightful' ? world.staffA : who(as)).id });
    storeCase('till: ring up a sale for a card holder', (store, as) =>
      completeSaleAction(
        {
          storeId: store,
          customerPass: passFor(store, as),
          idempotencyKey: randomUUID(),
          lines: [{ skuId: sku.id, quantity: 1 }],
          redeemPoints: 0,
          tender: { kind: 'cash', givenCents: 1_000_000 },
        },
        {},
      ),
    );
    // The card holder's store credit, spent at another shop's till or by a stranger: refused before the wallet is read.
    storeCase(
      'till: pay a sale from a card holder’s store credit',
      (store, as) =>
        completeSaleAction(
          {
            storeId: store,
            customerPass: passFor(store, as),
            idempotencyKey: randomUUID(),
            lines: [{ skuId: sku.id, quantity: 1 }],
            redeemPoints: 0,
            tender: { kind: 'cash', givenCents: 1_000_000 },
            wallet: { useStoreCredit: true, giftCardCode: null },
          },
          {},
        ),
      false, // the demo member may hold no credit; the refusals are what this walk is about
    );
    storeCase('till: reserve an item at another shop for a card holder', (store, as) =>
      orderElsewhereAction({
        storeId: store,
        customerPass: passFor(store, as),
        skuId: sku.id,
        quantity: 1,
        idempotencyKey: randomUUID(),
        target: { kind: 'web' },
      }),
    );
    storeCase(
      'till: order for home delivery for a card holder',
      (store, as) =>
        orderHomeDeliveryAction({
          storeId: store,
          customerPass: passFor(store, as),
          skuId: sku.id,
          quantity: 1,
          idempotencyKey: randomUUID(),
          address: { name: 'Camille Martin', address: '12 rue de la République', postcode: '69002', town: 'Lyon', phone: '0612345678' },
        } as never),
      false, // needs web stock of that SKU; the refusals are what this walk is about
    );

    // --- route handlers naming a store (a drive store of the demo staff member).
    const routeCase = (name: string, handler: typeof driveScreenGET, path: string) =>
      storeCase(
        name,
        async (store) => {
          const res = await handler(new NextRequest(`http://shop.test/api/staff/stores/${store}/${path}`), {
            params: Promise.resolve({ storeId: String(store) }),
          });
          if (res.status === 200) await res.body?.cancel();
          return res.status === 200 ? { status: 200 } : res;
        },
        true,
        dFlow.location_id,
      );
    routeCase('route: the drive screen of a store', driveScreenGET, 'drive');
    routeCase('route: the drive stream of a store', driveStreamGET as typeof driveScreenGET, 'drive/stream');
    const orderStream = async (number: string) => {
      const res = await orderStreamGET(new NextRequest(`http://shop.test/api/account/orders/${number}/stream`), { params: Promise.resolve({ number }) });
      if (res.status === 200) await res.body?.cancel();
      return res.status === 200 ? { status: 200 } : res;
    };
    cases.push({
      name: "route: the live stream of someone else's drive order",
      outsiders: ['intruder', 'staffB'],
      call: () => orderStream(dProposed.number),
      bogus: () => orderStream('CMD-NOSUCH22'),
      rightful: () => world.person(dProposed.customer_id),
    });
    // --- the API's keys and webhooks: the admin's alone (staff of any shop and shoppers refused).
    const apiKey = await createApiKey({ name: 'ERP', scopes: ['orders:read'], createdBy: world.admin.id });
    const endpoint = await registerWebhookEndpoint({ url: 'https://203.0.113.10/hooks', events: ['order.placed'], createdBy: world.admin.id });
    const failed = await one<{ id: number }>(
      `INSERT INTO webhook_deliveries (endpoint_id, event, payload, status, attempts) VALUES ($1, 'order.placed', '{}'::jsonb, 'failed', 8) RETURNING id`,
      [endpoint.id],
    );
    const keyForm = () => {
      const f = form({ name: 'Tills' });
      f.append('scopes', 'stock');
      return f;
    };
    const endpointForm = () => {
      const f = form({ url: 'https://203.0.113.20/hooks' }); // a public address (documentation range): no request is made
      f.append('events', 'order.placed');
      return f;
    };
    cases.push(
      {
        name: 'admin: create an API key',
        outsiders: ['intruder', 'staffB'],
        call: () => createKeyAction(idle, keyForm()),
        bogus: () => createKeyAction(idle, keyForm()),
        rightful: async () => world.admin,
      },
      {
        name: 'admin: revoke an API key',
        outsiders: ['intruder', 'staffB'],
        call: () => revokeKeyAction(idle, form({ keyId: apiKey.id })),
        bogus: () => revokeKeyAction(idle, form({ keyId: BOGUS_ID })),
        rightful: async () => world.admin,
      },
      {
        name: 'admin: register a webhook endpoint',
        outsiders: ['intruder', 'staffB'],
        call: () => addEndpointAction(idle, endpointForm()),
        bogus: () => addEndpointAction(idle, endpointForm()),
        rightful: async () => world.admin,
      },
      {
        name: 'admin: try a given-up webhook delivery again',
        outsiders: ['intruder', 'staffB'],
        call: () => retryDeliveryAction(idle, form({ deliveryId: failed.id })),
        bogus: () => retryDeliveryAction(idle, form({ deliveryId: BOGUS_ID })),
        rightful: async () => world.admin,
      },
      {
        name: 'admin: disable a webhook endpoint',
        outsiders: ['intruder', 'staffB'],
        call: () => disableEndpointAction(idle, form({ endpointId: endpoint.id })),
        bogus: () => disableEndpointAction(idle, form({ endpointId: BOGUS_ID })),
        rightful: async () => world.admin,
      },
    );
    void joinLoyaltyAction; // takes no id: only ever the session's own account
  });

  afterAll(async () => {
    await getDriveHub().close(); // the rightful drive stream opened the process's hub
    await conn?.drop();
  });

  it('refuses every outsider, writes nothing, and answers as for an id that does not exist', async () => {
    let walked = 0;
    for (const c of cases) {
      for (const as of c.outsiders) {
        const actor = as === 'intruder' ? world.intruder : world.staffB;
        const before = await fingerprint();
        const real = await asPerson(actor, () => c.call(as));
        expect(await fingerprint(), `${c.name}, as ${as}: wrote to the database`).toEqual(before);
        expect(okOf(real), `${c.name}, as ${as}: ${JSON.stringify(real)}`).toBe(false);
        const bogus = await asPerson(actor, () => c.bogus(as));
        if (bogus === 'compared by content') expect(JSON.stringify(real)).not.toMatch(/R-[A-Z0-9]{6}/);
        else expect(real, `${c.name}, as ${as}: answers differently for a real id than for a missing one`).toEqual(bogus);
        walked++;
      }
    }
    expect(walked).toBeGreaterThanOrEqual(70);
  });

  it('the back office: shop staff and shoppers are refused and write nothing; catalogue staff and admins may act', async () => {
    const catalogue = await world.person((await one<{ id: number }>(`SELECT id FROM users WHERE role = 'catalogue' LIMIT 1`)).id);
    type P = {
      id: number;
      version: number;
      name_fr: string;
      name_en: string;
      description_fr: string;
      description_en: string;
      brand: string;
      category_id: number;
    };
    const product = () =>
      one<P>(
        'SELECT id, version, name_fr, name_en, description_fr, description_en, brand, category_id FROM products WHERE withdrawn_at IS NULL ORDER BY id DESC LIMIT 1 OFFSET 3',
      );
    const target = await product();
    type S = { id: number; version: number; price_cents: number; size: string | null; colour: string | null; ean13: string };
    const sku = () => one<S>('SELECT id, version, price_cents, size, colour, ean13 FROM skus WHERE product_id = $1 ORDER BY id LIMIT 1', [target.id]);
    const scheduled = async () =>
      (
        await one<{ id: number }>(
          `INSERT INTO scheduled_price_changes (sku_id, price_cents, effective_at) VALUES ((SELECT id FROM skus WHERE product_id = $1 ORDER BY id LIMIT 1), 4200, now() + interval '1 day') RETURNING id`,
          [target.id],
        )
      ).id;
    // Outsiders and the signed-out call name the first (never cancelled); catalogue staff, then the admin, cancel the next two.
    const priceFile = (ean: string, euros: number) => {
      const data = new FormData();
      data.set('kind', 'prices');
      data.set('file', new File([`ean,price\n${ean},${euros}.34\n`], 'prices.csv', { type: 'text/csv' }));
      return data;
    };
    const realEan = (await sku()).ean13;
    const cancelIds = [...Array(4).fill(await scheduled()), await scheduled(), await scheduled()] as number[];
    let round = 0;
    const { default: sharp } = await import('sharp');
    const photo = new Uint8Array(
      await sharp({ create: { width: 500, height: 500, channels: 3, background: '#123' } })
        .png()
        .toBuffer(),
    );
    const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-access-media-'));
    setMediaStorage(folderStorage(mediaDir));
    const versionOf = async () => (await one<{ version: number }>('SELECT version FROM products WHERE id = $1', [target.id])).version;
    const backOffice: { name: string; call: () => Promise<unknown> }[] = [
      {
        name: 'edit a product',
        call: async () => {
          const p = await product();
          return updateProductAction(
            idle,
            form({
              productId: p.id,
              version: p.version,
              nameFr: `${p.name_fr.slice(0, 150)} ${++round}`,
              nameEn: p.name_en,
              descriptionFr: p.description_fr,
              descriptionEn: p.description_en,
              brand: p.brand,
              categoryId: p.category_id,
            }),
          );
        },
      },
      {
        name: 'edit a SKU’s price',
        call: async () => {
          const k = await sku();
          return updateSkuAction(
            idle,
            form({ skuId: k.id, version: k.version, priceCents: `${10 + ++round},90`, size: k.size ?? '', colour: k.colour ?? '', ean13: k.ean13 }),
          );
        },
      },
      { name: 'withdraw a product', call: () => setWithdrawnAction(idle, form({ productId: target.id, withdrawn: 'true' })) },
      { name: 'restore a product', call: () => setWithdrawnAction(idle, form({ productId: target.id, withdrawn: 'false' })) },
      {
        name: 'schedule a price',
        call: async () => schedulePriceAction(idle, form({ skuId: (await sku()).id, priceCents: '39,90', effectiveAt: '2031-01-01T09:00' })),
      },
      {
        name: 'upload a picture',
        call: async () => {
          const data = form({ productId: target.id, version: await versionOf() });
          data.set('picture', new File([photo], 'photo.png', { type: 'image/png' }));
          return uploadPictureAction(idle, data);
        },
      },
      {
        name: 'move a picture',
        call: async () => movePictureAction(idle, form({ productId: target.id, version: await versionOf(), index: 0, direction: 'down' })),
      },
      {
        name: 'remove a picture',
        call: async () => removePictureAction(idle, form({ productId: target.id, version: await versionOf(), index: 0 })),
      },
      {
        name: 'cancel a scheduled price',
        call: () => cancelScheduledPriceAction(idle, form({ scheduledId: cancelIds.shift()! })),
      },
      // A price file of a real EAN: refused to outsiders (nothing imported, no history line), applied for the rightful.
      { name: 'import a price file', call: () => importFileAction(idle, priceFile(realEan, 12 + ++round)) },
    ];
    for (const c of backOffice) {
      for (const outsider of [world.staffA, world.staffB, world.intruder]) {
        const before = await fingerprint();
        const answer = await asPerson(outsider, c.call);
        expect(await fingerprint(), `${c.name}, as ${outsider.email}: wrote to the database`).toEqual(before);
        expect(answer, `${c.name}, as ${outsider.email}`).toMatchObject({ ok: false, message: 'The back office is for admins and the catalogue team.' });
      }
      const signedOut = await asPerson(null, c.call);
      expect(okOf(signedOut), `${c.name}, signed out`).toBe(false);
      for (const rightful of [catalogue, world.admin]) {
        const answer = await asPerson(rightful, c.call);
        expect(okOf(answer), `${c.name}, as ${rightful.email}: ${JSON.stringify(answer)}`).toBe(true);
      }
    }
    setMediaStorage(undefined);
    fs.rmSync(mediaDir, { recursive: true, force: true });
  });

  it('the rightful person making the same calls succeeds (so the refusals were about who asked)', async () => {
    for (const c of cases) {
      if (!c.rightful) continue;
      const result = await asPerson(await c.rightful(), () => c.call('rightful'));
      if (c.succeeds) c.succeeds(result);
      else expect(succeeded(result), `${c.name}: ${JSON.stringify(result)}`).toBe(true);
    }
  });
});
