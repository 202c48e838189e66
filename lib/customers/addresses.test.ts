import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addToCart, getOrCreateCustomerCart, setFulfilment } from '@/lib/cart/commands';
import { placeOrder } from '@/lib/orders/placing';
import { PaymentDeclinedError } from '@/lib/orders/errors';
import { testAddress, testCard, setUpOrdersWorld } from '@/test/support/orders';
import { getSavedAddress, listSavedAddresses, MAX_SAVED, removeSavedAddress, SameAddressError, updateSavedAddress } from './addresses';

const w = setUpOrdersWorld();

/** A home-delivery order to `address`, paid by the test card that goes through. */
async function deliverTo(customerId: number | null, address: typeof testAddress): Promise<number> {
  let shopper = customerId === null ? await w.shopperWithCart([[w.skuA, 1]], 'delivery') : null;
  if (!shopper) {
    const cartId = await getOrCreateCustomerCart(customerId!);
    await addToCart(cartId, w.skuA, 1);
    await setFulfilment(cartId, 'delivery', null);
    shopper = { customerId: customerId!, cartId };
  }
  await placeOrder({ ...shopper, address, payment: testCard('4242424242424242'), idempotencyKey: randomUUID() });
  return shopper.customerId;
}

describe('the address book', () => {
  it('a delivery order remembers its address; the same place again (other case and spaces) only moves it first', async () => {
    const customerId = await deliverTo(null, testAddress);
    expect(await listSavedAddresses(customerId)).toEqual([expect.objectContaining({ ...testAddress, phone: testAddress.phone })]);
    const office = { name: 'Camille Martin', address: '5 place Bellecour', postcode: '69002', town: 'Lyon', phone: '' };
    await deliverTo(customerId, office);
    expect((await listSavedAddresses(customerId)).map((a) => a.address)).toEqual([office.address, testAddress.address]);
    const shouted = {
      ...testAddress,
      name: `  ${testAddress.name.toUpperCase()} `,
      address: testAddress.address.replace(/ /g, '   '),
      town: testAddress.town.toLowerCase(),
    };
    await deliverTo(customerId, shouted);
    const book = await listSavedAddresses(customerId);
    expect(book).toHaveLength(2);
    expect(book[0]!.id).toBeLessThan(book[1]!.id); // the first address, moved first, not a copy
  });

  it('a refused order remembers nothing', async () => {
    const shopper = await w.shopperWithCart([[w.skuA, 1]], 'delivery');
    const err = await placeOrder({ ...shopper, address: testAddress, payment: testCard('4000000000000002'), idempotencyKey: randomUUID() }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(PaymentDeclinedError);
    expect(await listSavedAddresses(shopper.customerId)).toEqual([]);
  });

  it(`keeps the ${MAX_SAVED} most recently used`, async () => {
    let customerId: number | null = null;
    for (let i = 0; i < MAX_SAVED + 2; i++) customerId = await deliverTo(customerId, { ...testAddress, address: `${i + 1} rue de la République` });
    const book = await listSavedAddresses(customerId!);
    expect(book).toHaveLength(MAX_SAVED);
    expect(book[0]!.address).toBe(`${MAX_SAVED + 2} rue de la République`);
    expect(book.map((a) => a.address)).not.toContain('1 rue de la République');
  });

  it('edits and removes only the shopper’s own addresses; an edit cannot repeat another of theirs', async () => {
    const owner = await deliverTo(null, testAddress);
    await deliverTo(owner, { ...testAddress, address: '5 place Bellecour' });
    const other = await deliverTo(null, testAddress);
    const [bellecour, first] = await listSavedAddresses(owner);
    const theirs = (await listSavedAddresses(other))[0]!;

    expect(await getSavedAddress(owner, theirs.id)).toBeNull();
    expect(await updateSavedAddress(owner, theirs.id, { ...testAddress, town: 'Paris' })).toBe(false);
    expect(await removeSavedAddress(owner, theirs.id)).toBe(false);
    expect(await getSavedAddress(other, theirs.id)).toMatchObject({ town: testAddress.town });

    expect(await updateSavedAddress(owner, bellecour!.id, { ...testAddress, address: '7 place Bellecour', phone: '0612345678' })).toBe(true);
    expect(await getSavedAddress(owner, bellecour!.id)).toMatchObject({ address: '7 place Bellecour', phone: '0612345678' });
    await expect(updateSavedAddress(owner, bellecour!.id, { ...first!, address: first!.address.toUpperCase() })).rejects.toBeInstanceOf(SameAddressError);

    expect(await removeSavedAddress(owner, first!.id)).toBe(true);
    expect(await removeSavedAddress(owner, first!.id)).toBe(false);
    expect((await listSavedAddresses(owner)).map((a) => a.id)).toEqual([bellecour!.id]);
  });

  it('ids that cannot be an address find nothing', async () => {
    const owner = await deliverTo(null, testAddress);
    for (const id of [0, -1, 2 ** 31, 1.5, Number.NaN]) {
      expect(await getSavedAddress(owner, id)).toBeNull();
      expect(await removeSavedAddress(owner, id)).toBe(false);
    }
  });
});
