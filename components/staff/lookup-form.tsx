'use client';
import { useEffect, useRef } from 'react';
import { localizedPath } from '@/lib/routing/public-url';
import { useRouteLocale } from '@/components/layout/route-locale';

type Props = { action: string; query: string; labels: { label: string; placeholder: string; submit: string; hint: string } };

/**
 * Barcode or name. USB and Bluetooth scanners type the code and press Enter, so the field has the
 * focus on arrival and its text is selected after each lookup: the next scan replaces it.
 */
export function LookupForm({ action, query, labels }: Props) {
  const locale = useRouteLocale();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // Never take the focus from a field the person is already in (a quantity typed while the page
    // was still loading): only an idle page hands it to the scanner field.
    const active = document.activeElement;
    if (active && active !== document.body && active !== input.current) return;
    input.current?.focus();
    input.current?.select();
  }, [query]);
  return (
    <form action={localizedPath(action, locale)} method="get" role="search" className="card p-3 sm:p-4">
      <label htmlFor="lookup" className="label">
        {labels.label}
      </label>
      <div className="flex gap-2">
        <input
          ref={input}
          id="lookup"
          name="q"
          type="search"
          defaultValue={query}
          placeholder={labels.placeholder}
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="off"
          spellCheck={false}
          enterKeyHint="search"
          maxLength={100}
          aria-describedby="lookup-hint"
          className="input min-h-12 text-lg"
          data-testid="stock-lookup"
        />
        <button type="submit" className="btn-primary min-h-12 shrink-0 px-5">
          {labels.submit}
        </button>
      </div>
      <p id="lookup-hint" className="mt-2 text-xs text-muted">
        {labels.hint}
      </p>
    </form>
  );
}
