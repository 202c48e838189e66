import { describe, expect, it } from 'vitest';
import { escapeHtml } from '@/lib/html/escape';
import { renderDriveOrderReady, renderOrderConfirmation, renderReservationReady, slotLabel, type OrderFacts } from './render-orders';

const drive: OrderFacts = {
  number: 'CMD-ABCD2345',
  customerName: 'Camille Martin',
  mode: 'drive',
  lines: [
    { name: 'Veste imperméable', size: 'M', colour: 'navy', quantity: 2, unitPriceCents: 4990 },
    { name: 'Gourde', size: null, colour: null, quantity: 1, unitPriceCents: 1500 },
  ],
  subtotalCents: 11480,
  deliveryCents: 0,
  discountCents: 500,
  totalCents: 10980,
  delivery: null,
  store: 'Lyon Part-Dieu',
  slot: { startsAt: '2026-12-12T09:00:00Z', endsAt: '2026-12-12T09:30:00Z' },
  orderUrl: 'https://shop.example/account/orders/CMD-ABCD2345',
};

const delivery: OrderFacts = {
  ...drive,
  mode: 'delivery',
  deliveryCents: 490,
  discountCents: 0,
  totalCents: 11970,
  store: null,
  slot: null,
  delivery: { name: 'Hugo <Petit>', address: '3 rue des Lilas', postcode: '69003', town: 'Lyon' },
  orderUrl: 'https://shop.example/en/account/orders/CMD-ABCD2345',
};

describe('renderOrderConfirmation', () => {
  it('in French: the number, each line with its variant and amount, the totals, the drive slot, the link', () => {
    const r = renderOrderConfirmation(drive, 'fr');
    expect(r.subject).toBe('Votre commande CMD-ABCD2345 est confirmée');
    expect(r.body).toMatch(/^Bonjour Camille,\n\nMerci pour votre commande CMD-ABCD2345\./);
    expect(r.body).toMatch(/- Veste imperméable × 2 \(M · Marine\) — 99,80\s€\n- Gourde × 1 — 15,00\s€/);
    expect(r.body).toMatch(/Sous-total : 114,80\s€\nPoints fidélité : −5,00\s€\nTotal : 109,80\s€/);
    expect(r.body).toContain('Retrait en drive à Lyon Part-Dieu, samedi 12 décembre, 10:00–10:30.');
    expect(r.body).toContain('À régler au retrait.');
    expect(r.body).toContain('\nhttps://shop.example/account/orders/CMD-ABCD2345\n');
    expect(r.html).toContain('<html lang="fr">');
    expect(r.html).toContain('<title>Votre commande CMD-ABCD2345 est confirmée</title>');
    expect(r.html).toContain('href="https://shop.example/account/orders/CMD-ABCD2345"');
    expect(r.html).toMatch(/<th scope="row"[^>]*>Total<\/th>/);
    expect(r.html).not.toMatch(/<style|class=|<script/);
  });

  it('in English, for home delivery: the address (escaped in HTML), the delivery fee and the card payment', () => {
    const r = renderOrderConfirmation(delivery, 'en');
    expect(r.subject).toBe('Your order CMD-ABCD2345 is confirmed');
    expect(r.body).toContain('Hello Camille,');
    expect(r.body).toContain('- Veste imperméable × 2 (M · Navy) — €99.80');
    expect(r.body).toContain('Delivery: €4.90');
    expect(r.body).toContain('Total: €119.70');
    expect(r.body).toContain('Home delivery to:\n\nHugo <Petit>\n3 rue des Lilas\n69003 Lyon');
    expect(r.body).toContain('Paid by card');
    expect(r.html).toContain(escapeHtml('Hugo <Petit>'));
    expect(r.html).not.toContain('Hugo <Petit>');
    expect(r.html).toContain('<html lang="en">');
  });
});

describe('renderDriveOrderReady and renderReservationReady', () => {
  it('drive order ready, in both languages', () => {
    const fr = renderDriveOrderReady(drive, 'fr');
    expect(fr.subject).toBe('Votre commande CMD-ABCD2345 est prête au drive');
    expect(fr.body).toContain('« Je suis arrivé »');
    expect(fr.body).toContain('Votre créneau : samedi 12 décembre, 10:00–10:30.');
    const en = renderDriveOrderReady({ ...drive, orderUrl: 'https://shop.example/en/account/orders/CMD-ABCD2345' }, 'en');
    expect(en.subject).toBe('Your order CMD-ABCD2345 is ready at the drive');
    expect(en.body).toContain('Your slot: Saturday 12 December, 10:00–10:30.');
    expect(en.html).toContain('href="https://shop.example/en/account/orders/CMD-ABCD2345"');
  });

  it('reservation ready: the code, the shop, the deadline and the link, in both languages', () => {
    const facts = {
      code: 'K7PX2M',
      customerName: 'Hugo',
      store: 'Lyon Part-Dieu',
      expiresAt: '2026-12-14T18:00:00Z',
      lines: drive.lines,
      totalCents: 11480,
      reservationUrl: 'https://shop.example/account/reservations/12',
    };
    const fr = renderReservationReady(facts, 'fr');
    expect(fr.subject).toBe('Votre réservation K7PX2M vous attend à Lyon Part-Dieu');
    expect(fr.body).toContain('Code de retrait : K7PX2M');
    expect(fr.body).toContain('Elle vous attend jusqu’au lundi 14 décembre');
    expect(fr.body).toContain('https://shop.example/account/reservations/12');
    const en = renderReservationReady(facts, 'en');
    expect(en.subject).toBe('Your reservation K7PX2M is waiting at Lyon Part-Dieu');
    expect(en.body).toContain('Pickup code: K7PX2M');
    expect(en.html).toContain('<html lang="en">');
  });

  it('slotLabel says the day and the hours in the shops’ time zone', () => {
    expect(slotLabel({ startsAt: '2026-12-01T17:00:00Z', endsAt: '2026-12-01T17:30:00Z' }, 'fr')).toBe('mardi 1er décembre, 18:00–18:30');
  });
});
