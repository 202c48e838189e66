import { describe, expect, it } from 'vitest';
import { openCustomerPass, sealCustomerPass } from './customer-pass';

const scope = { storeId: 4, staffId: 9 };
const now = new Date('2026-11-24T10:00:00Z');

describe('till customer pass', () => {
  it('opens for the till that sealed it, with how the customer was identified', () => {
    const token = sealCustomerPass({ customerId: 12, identifiedBy: 'card' }, scope, now);
    expect(openCustomerPass(token, scope, now)).toEqual({ customerId: 12, identifiedBy: 'card' });
    const byEmail = sealCustomerPass({ customerId: 12, identifiedBy: 'email' }, scope, now);
    expect(openCustomerPass(byEmail, scope, now)).toEqual({ customerId: 12, identifiedBy: 'email' });
  });

  it('refuses another shop, another staff member, a lapsed pass and garbage', () => {
    const token = sealCustomerPass({ customerId: 12, identifiedBy: 'card' }, scope, now);
    expect(openCustomerPass(token, { ...scope, storeId: 5 }, now)).toBeNull();
    expect(openCustomerPass(token, { ...scope, staffId: 10 }, now)).toBeNull();
    expect(openCustomerPass(token, scope, new Date(now.getTime() + 2 * 60 * 60 * 1000 + 1))).toBeNull();
    for (const junk of [undefined, 12, '', 'a.b', 'a.b.c', token + 'x', `${token}.x`]) expect(openCustomerPass(junk, scope, now)).toBeNull();
  });

  it('refuses a pass whose customer or method was altered, even re-encoded', () => {
    const token = sealCustomerPass({ customerId: 12, identifiedBy: 'email' }, scope, now);
    const [payload, signature] = token.split('.');
    const body = Buffer.from(payload!, 'base64url').toString('utf8');
    for (const altered of [body.replace(/^12\./, '13.'), body.replace('.email.', '.card.')]) {
      const forged = `${Buffer.from(altered, 'utf8').toString('base64url')}.${signature}`;
      expect(openCustomerPass(forged, scope, now)).toBeNull();
    }
  });
});
