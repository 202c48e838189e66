'use client';

import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { Locale } from '@/lib/i18n/config';
import type { SuggestTexts } from './search-suggest';

export type SiteSearchTexts = SuggestTexts & { search: string; placeholder: string };

export const SUGGEST_LIST_ID = 'site-search-suggestions';

/** The suggestions' code is a chunk of its own, loaded on the box's first focus or keystroke: the header is on every page. */
const SearchSuggest = lazy(() => import('./search-suggest'));

export type ComboboxState = { expanded: boolean; active?: string };

/**
 * The header's search: a plain GET form to the search page (it works before, and without, the
 * page's script), whose box becomes a combobox once focused — suggestions as you type
 * (./search-suggest.tsx). The box's ARIA state is kept here, where the box is rendered.
 */
export function SiteSearch({ action, locale, t }: { action: string; locale: Locale; t: SiteSearchTexts }) {
  const input = useRef<HTMLInputElement>(null);
  const [live, setLive] = useState(false);
  const [state, setState] = useState<ComboboxState>({ expanded: false });
  const start = () => setLive(true);
  // Focused or typed in before the page's script took over (a slow phone): no event will come for
  // what is already there, so start now — the suggestions then ask for the box's value.
  useEffect(() => {
    const box = input.current;
    if (box && (box.value || document.activeElement === box)) setLive(true);
  }, []);
  return (
    <form action={action} role="search" className="relative order-last flex w-full gap-2 sm:order-2 sm:w-auto sm:flex-1">
      <label htmlFor="site-search" className="sr-only">
        {t.search}
      </label>
      <input
        ref={input}
        id="site-search"
        name="q"
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={state.expanded}
        aria-controls={live ? SUGGEST_LIST_ID : undefined}
        aria-activedescendant={state.active}
        autoComplete="off"
        placeholder={t.placeholder}
        className="input min-h-11"
        maxLength={200}
        enterKeyHint="search"
        onFocus={start}
        onInput={start}
      />
      <button type="submit" className="btn-primary min-h-11 px-3">
        {t.search}
      </button>
      {live && (
        <Suspense fallback={null}>
          <SearchSuggest input={input} listId={SUGGEST_LIST_ID} locale={locale} t={t} onState={setState} />
        </Suspense>
      )}
    </form>
  );
}
