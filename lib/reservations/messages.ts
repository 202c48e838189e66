import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { queueMessage } from '@/lib/messages/outbox';
import { renderReservationReady } from '@/lib/messages/render-orders';
import { absoluteUrl } from '@/lib/routing/public-url';
import { getReservationInTransaction } from './queries';
import { reservations } from './schema';

/*
 * "Your reservation is ready", queued in the transaction that marks it ready (so it exists exactly
 * when the status was committed), once per reservation (the dedupe key names it), in the language
 * the shopper reserved in, with the pickup code and an absolute link to the reservation's page
 * (which shows the code as a QR code for the desk).
 */
export async function queueReservationReady(tx: Db, reservationId: number): Promise<void> {
  const [row] = await tx.select({ locale: reservations.locale }).from(reservations).where(eq(reservations.id, reservationId));
  if (!row) return;
  const locale = row.locale;
  const r = await getReservationInTransaction(tx, reservationId, locale);
  if (!r) return;
  const text = renderReservationReady(
    {
      code: r.code,
      customerName: r.customer.name,
      store: r.store.name,
      expiresAt: r.expiresAt,
      lines: r.lines.map((l) => ({ name: l.productName, size: l.size, colour: l.colour, quantity: l.quantity, unitPriceCents: l.unitPriceCents })),
      totalCents: r.totalCents,
      reservationUrl: absoluteUrl(`/account/reservations/${r.id}`, locale),
    },
    locale,
  );
  await queueMessage(tx, {
    kind: 'reservation_ready',
    recipientId: r.customer.id,
    email: r.customer.email,
    ...text,
    payload: { reservationId, code: r.code, locale },
    dedupeKey: `reservation-ready:${reservationId}`,
  });
}
