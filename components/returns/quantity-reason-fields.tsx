import type { Dictionary } from '@/lib/i18n/dictionary';
import { RETURN_REASONS } from '@/lib/returns/schema';

type Props = {
  orderLineId: number;
  /** Named to screen readers with each field: an order has several lines with the same two fields. */
  productName: string;
  /** Units of this line that can still come back: the quantity offers 0 to this. */
  returnable: number;
  t: Dictionary['returns'];
  qtyError?: string;
  reasonError?: string;
  className?: string;
  children?: React.ReactNode;
};

/**
 * How many of an order line come back and why: the fields `qty_<line>` and `reason_<line>` that
 * lib/returns/params.ts reads, for the shopper's booking and the desk's walk-in alike.
 */
export function QuantityReasonFields({ orderLineId: id, productName, returnable, t, qtyError, reasonError, className = '', children }: Props) {
  return (
    <div className={`grid grid-cols-[8.5rem_minmax(0,1fr)] items-end gap-2 ${className}`}>
      <div>
        <label htmlFor={`qty_${id}`} className="label text-xs">
          {t.qtyLabel}
          <span className="sr-only"> – {productName}</span>
        </label>
        <select
          id={`qty_${id}`}
          name={`qty_${id}`}
          defaultValue="0"
          aria-invalid={qtyError ? true : undefined}
          aria-describedby={qtyError ? `qty_${id}-error` : undefined}
          className="input"
        >
          {Array.from({ length: returnable + 1 }, (_, n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`reason_${id}`} className="label text-xs">
          {t.reasonLabel}
          <span className="sr-only"> – {productName}</span>
        </label>
        <select
          id={`reason_${id}`}
          name={`reason_${id}`}
          defaultValue=""
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? `reason_${id}-error` : undefined}
          className="input"
        >
          <option value="">{t.reasonChoose}</option>
          {RETURN_REASONS.map((r) => (
            <option key={r} value={r}>
              {t[`reason_${r}`]}
            </option>
          ))}
        </select>
      </div>
      {qtyError && (
        <p id={`qty_${id}-error`} className="col-span-2 field-error">
          {qtyError}
        </p>
      )}
      {reasonError && (
        <p id={`reason_${id}-error`} className="col-span-2 field-error">
          {reasonError}
        </p>
      )}
      {children}
    </div>
  );
}
