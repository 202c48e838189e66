'use client';
import { useRef, useState, useTransition } from 'react';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { itemName } from '@/lib/catalog/variant-label';
import { formatMessage, formatPrice, interpolate } from '@/lib/i18n/format';
import type { FindItemResult, TillItem } from './types';

type Props = {
  locale: Locale;
  find: (query: string) => Promise<FindItemResult>;
  /** Returns false when the item cannot go on the ticket (none free here). */
  onAdd: (item: TillItem) => boolean;
  onElsewhere: (item: TillItem) => void;
  labels: Dictionary['till'];
};

/**
 * Barcode or name. A USB scanner types 13 digits and Enter: an exact barcode goes straight on the
 * ticket and the field is emptied for the next scan. A name lists the matches to pick from.
 */
export function ItemSearch({ locale, find, onAdd, onElsewhere, labels }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [results, setResults] = useState<{ query: string; items: TillItem[] } | null>(null);
  const [error, setError] = useState('');
  const [pending, startTransition] = useTransition();

  const add = (item: TillItem) => {
    if (onAdd(item)) {
      setResults(null);
      if (input.current) input.current.value = '';
    }
    input.current?.focus();
  };

  const search = (query: string) => {
    const q = query.trim();
    if (!q) return;
    setError('');
    startTransition(async () => {
      const result = await find(q);
      if (!result.ok) {
        setResults(null);
        setError(result.message);
        input.current?.select();
        return;
      }
      const only = result.items[0];
      if (result.exact && result.items.length === 1 && only) {
        setResults({ query: q, items: [only] });
        add(only);
      } else setResults({ query: q, items: result.items });
    });
  };

  return (
    <section className="card p-3 sm:p-4">
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          search(input.current?.value ?? '');
        }}
      >
        <label htmlFor="till-item" className="label">
          {labels.itemLabel}
        </label>
        <div className="flex gap-2">
          <input
            ref={input}
            id="till-item"
            type="search"
            placeholder={labels.itemPlaceholder}
            autoComplete="off"
            autoCorrect="off"
            autoCapitalize="off"
            spellCheck={false}
            enterKeyHint="search"
            maxLength={100}
            aria-describedby="till-item-hint till-item-error"
            className="input min-h-12 text-lg"
            data-testid="till-item-input"
            onInput={() => setError('')}
          />
          <button type="submit" className="btn-primary min-h-12 shrink-0 px-4" disabled={pending}>
            {labels.itemAdd}
          </button>
        </div>
        <p id="till-item-error" role="alert" className="field-error empty:hidden" data-testid="till-item-error">
          {error}
        </p>
        <p id="till-item-hint" className="mt-1 text-xs text-muted">
          {labels.itemHint}
        </p>
      </form>
      {results && results.items.length > 0 && (
        <div className="mt-3">
          {!(results.items.length === 1 && /^\d{13}$/.test(results.query)) && (
            <p className="mb-2 text-sm text-muted" role="status">
              {formatMessage(labels.itemChoose, { count: results.items.length, query: results.query }, locale)}
            </p>
          )}
          <ul className="max-h-[26rem] divide-y divide-line overflow-y-auto rounded-lg border border-line" data-testid="till-item-results">
            {results.items.map((item) => (
              <li key={item.skuId} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
                <div className="min-w-0 flex-1">
                  <p className="font-medium">{item.name}</p>
                  <p className="text-xs text-muted">
                    {[item.variant, item.ean].filter(Boolean).join(' · ')} · {formatPrice(item.priceCents, locale)}
                  </p>
                  <p className={`text-xs font-semibold ${item.available ? 'text-ok' : 'text-out'}`}>
                    {item.available === null
                      ? labels.notStockedHere
                      : item.available > 0
                        ? formatMessage(labels.availableHere, { count: item.available }, locale)
                        : labels.outHere}
                  </p>
                </div>
                {item.available ? (
                  <button
                    type="button"
                    className="btn-secondary"
                    aria-label={interpolate(labels.itemAddTo, { product: itemName(item.name, item.variant) })}
                    onClick={() => add(item)}
                  >
                    {labels.itemAdd}
                  </button>
                ) : (
                  <button
                    type="button"
                    className="btn-secondary"
                    aria-label={interpolate(labels.seeElsewhereFor, { product: itemName(item.name, item.variant) })}
                    onClick={() => onElsewhere(item)}
                    data-testid="till-see-elsewhere"
                  >
                    {labels.seeElsewhere}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
