import { randomUUID } from 'node:crypto';
import type { ActionState } from '@/lib/actions/state';
import { itemName } from '@/lib/catalog/variant-label';
import { QuantityForm } from './quantity-form';

export type StockResultRow = {
  skuId: number;
  product: string;
  brand: string;
  variant: string;
  ean13: string;
  onHand: number;
  reserved: number;
  available: number;
  asOf: string;
};

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

type Props = {
  storeId: number;
  rows: StockResultRow[];
  actions: { recordDelivery: Action; correctCount: Action };
  limits: { receiveMax: number; countMax: number };
  labels: {
    caption: string;
    product: string;
    variant: string;
    ean: string;
    onHand: string;
    reserved: string;
    available: string;
    asOf: string;
    receiveLabel: string;
    receiveSubmit: string;
    countLabel: string;
    countSubmit: string;
    /** "{field}: {product}": each row's field and button named with its item. */
    fieldFor: string;
    pending: string;
  };
};

const figure = 'tabular-nums text-right';

/**
 * One table: rows on a wide screen; each row a card on a phone (cells stack, the figures sit
 * side by side, and the two forms go full width under them).
 */
export function StockResults({ storeId, rows, actions, limits, labels }: Props) {
  return (
    <table className="block w-full md:table md:border-collapse md:rounded-xl md:border md:border-line md:bg-white">
      <caption className="mb-2 block text-left text-sm text-muted md:table-caption">{labels.caption}</caption>
      <thead className="sr-only md:not-sr-only md:table-header-group">
        <tr className="border-b border-line text-left text-xs font-semibold tracking-wide whitespace-nowrap text-muted uppercase">
          <th scope="col" className="px-3 py-2">
            {labels.product}
          </th>
          <th scope="col" className="px-3 py-2">
            {labels.ean}
          </th>
          <th scope="col" className={`px-3 py-2 ${figure}`}>
            {labels.onHand}
          </th>
          <th scope="col" className={`px-3 py-2 ${figure}`}>
            {labels.reserved}
          </th>
          <th scope="col" className={`px-3 py-2 ${figure}`}>
            {labels.available}
          </th>
          <th scope="col" className="px-3 py-2">
            {labels.asOf}
          </th>
          <th scope="col" className="px-3 py-2">
            <span className="sr-only">
              {labels.receiveSubmit} / {labels.countSubmit}
            </span>
          </th>
        </tr>
      </thead>
      <tbody className="block space-y-3 md:table-row-group md:space-y-0">
        {rows.map((r) => (
          <tr
            key={r.skuId}
            data-testid={`stock-row-${r.skuId}`}
            className="grid grid-cols-3 gap-x-3 gap-y-2 card p-4 md:table-row md:rounded-none md:border-0 md:border-b md:border-line md:p-0 md:align-top md:last:border-b-0"
          >
            <th scope="row" className="col-span-3 text-left font-normal md:table-cell md:px-3 md:py-3">
              <span className="block font-semibold">{r.product}</span>
              <span className="block text-sm text-muted">{[r.brand, r.variant].filter(Boolean).join(' · ')}</span>
            </th>
            <td className="col-span-3 font-mono text-xs text-muted md:table-cell md:px-3 md:py-3 md:text-sm">
              <span className="md:hidden">{labels.ean} </span>
              {r.ean13}
            </td>
            {[
              [labels.onHand, r.onHand, 'on-hand'],
              [labels.reserved, r.reserved, 'reserved'],
              [labels.available, r.available, 'available'],
            ].map(([label, value, id]) => (
              <td key={id} className="rounded-lg bg-paper px-2 py-1.5 md:table-cell md:bg-transparent md:px-3 md:py-3 md:text-right">
                <span className="block text-xs text-muted md:hidden">{label}</span>
                <span className="text-lg font-semibold tabular-nums md:text-base" data-testid={id}>
                  {value}
                </span>
              </td>
            ))}
            <td className="col-span-3 text-xs text-muted md:table-cell md:px-3 md:py-3 md:text-sm md:whitespace-nowrap">
              <span className="md:hidden">{labels.asOf} </span>
              {r.asOf}
            </td>
            <td className="col-span-3 md:table-cell md:px-3 md:py-3">
              <div className="grid gap-3 sm:grid-cols-2 md:w-64 md:grid-cols-1">
                <QuantityForm
                  action={actions.recordDelivery}
                  storeId={storeId}
                  skuId={r.skuId}
                  idempotencyKey={randomUUID()}
                  field="quantity"
                  min={1}
                  max={limits.receiveMax}
                  labels={{ field: labels.receiveLabel, submit: labels.receiveSubmit, pending: labels.pending, fieldFor: labels.fieldFor }}
                  item={itemName(r.product, r.variant)}
                  tone="primary"
                />
                <QuantityForm
                  action={actions.correctCount}
                  storeId={storeId}
                  skuId={r.skuId}
                  idempotencyKey={randomUUID()}
                  field="countedOnHand"
                  min={0}
                  max={limits.countMax}
                  labels={{ field: labels.countLabel, submit: labels.countSubmit, pending: labels.pending, fieldFor: labels.fieldFor }}
                  item={itemName(r.product, r.variant)}
                  tone="secondary"
                />
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
