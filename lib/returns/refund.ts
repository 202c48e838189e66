/**
 * What a return gives back, in cents. Goods are refunded at the price paid; when points took
 * `discountCents` off the order's `subtotalCents`, each euro of goods carries its share of that
 * discount. Computed on running totals (what earlier returns of the order already refunded), so
 * returning everything, piece by piece, gives back exactly subtotal − discount — never a cent
 * more. Delivery fees are not refunded.
 */
export function refundCentsFor(goodsBeforeCents: number, goodsNowCents: number, subtotalCents: number, discountCents: number): number {
  const net = (goods: number) => (subtotalCents <= 0 ? 0 : goods - Math.floor((discountCents * goods) / subtotalCents));
  return Math.max(0, net(goodsBeforeCents + goodsNowCents) - net(goodsBeforeCents));
}
