'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react';
import type { SuggestAnswer, Suggestion } from '@/lib/catalog/types';
import type { Locale } from '@/lib/i18n/config';
import { formatMessage, interpolate } from '@/lib/i18n/format';
import type { ComboboxState } from './site-search';

export type SuggestTexts = { suggestions: string; suggestionCount: string; suggestDepartment: string; suggestBrand: string };

/** Quiet time after a keystroke before asking: a word typed at speed asks once. */
const DEBOUNCE_MS = 180;
/** Answers kept for this page view (going back over a word asks nothing). */
const KEPT = 40;

const enough = (q: string) => (q.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= 2;

type Props = { input: RefObject<HTMLInputElement | null>; listId: string; locale: Locale; t: SuggestTexts; onState: (s: ComboboxState) => void };

/**
 * Suggestions under the header's search box (ARIA 1.2 combobox with a listbox popup): asked of
 * GET /api/search/suggest 180 ms after the last keystroke; a newer keystroke cancels the request
 * in flight, and an answer is shown only if it is for what the box holds now. Down and Up move
 * through the options (wrapping), Home and End jump to the first and last once in the list, Enter
 * opens the chosen one — with none chosen it submits the form to the search page, as without
 * script — and Escape closes the list. A status line says how many suggestions came.
 */
export default function SearchSuggest({ input, listId, locale, t, onState }: Props) {
  const router = useRouter();
  const [answer, setAnswer] = useState<SuggestAnswer | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');
  const items = useMemo(() => answer?.suggestions ?? [], [answer]);
  const shown = open && items.length > 0;

  useEffect(() => onState({ expanded: shown, active: shown && active >= 0 ? `${listId}-${active}` : undefined }), [shown, active, listId, onState]);

  const go = useCallback(
    (item: Suggestion) => {
      setOpen(false);
      router.push(item.href);
    },
    [router],
  );

  // Typing: asks for suggestions, one request at a time, the latest winning.
  useEffect(() => {
    const box = input.current;
    if (!box) return;
    const kept = new Map<string, SuggestAnswer>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let inFlight: AbortController | undefined;
    let wanted = '';

    const show = (a: SuggestAnswer) => {
      setAnswer(a);
      setActive(-1);
      setOpen(document.activeElement === box);
      setStatus(formatMessage(t.suggestionCount, { count: a.suggestions.length }, locale));
    };
    const ask = (q: string) => {
      wanted = q;
      inFlight?.abort();
      inFlight = undefined;
      if (!enough(q)) {
        setAnswer(null);
        setStatus('');
        return;
      }
      const known = kept.get(q);
      if (known) return show(known);
      const request = (inFlight = new AbortController());
      fetch(`/api/search/suggest?${new URLSearchParams({ q, locale })}`, { signal: request.signal })
        .then((res) => (res.ok ? (res.json() as Promise<SuggestAnswer>) : null))
        .then((a) => {
          if (request.signal.aborted || q !== wanted) return; // a newer keystroke has asked since
          if (!a) return setAnswer(null);
          if (kept.size >= KEPT) kept.delete(kept.keys().next().value!);
          kept.set(q, a);
          show(a);
        })
        .catch(() => {}); // cancelled, or offline: the form still searches
    };
    const onInput = () => {
      clearTimeout(timer);
      setActive(-1);
      const q = box.value;
      timer = setTimeout(() => ask(q), DEBOUNCE_MS);
    };
    const onFocus = () => setOpen(true);
    const onBlur = () => {
      setOpen(false);
      setActive(-1);
    };
    box.addEventListener('input', onInput);
    box.addEventListener('focus', onFocus);
    box.addEventListener('blur', onBlur);
    // Typed before this code arrived: ask now.
    if (box.value) ask(box.value);
    return () => {
      clearTimeout(timer);
      inFlight?.abort();
      box.removeEventListener('input', onInput);
      box.removeEventListener('focus', onFocus);
      box.removeEventListener('blur', onBlur);
    };
  }, [input, locale, t.suggestionCount]);

  // The keys, on the list as it is now.
  useEffect(() => {
    const box = input.current;
    if (!box) return;
    const last = items.length - 1;
    const onKeyDown = (e: KeyboardEvent) => {
      const move = (to: number) => {
        e.preventDefault();
        setOpen(true);
        setActive(to);
      };
      if (e.key === 'ArrowDown' && items.length) move(!shown || active >= last ? 0 : active + 1);
      else if (e.key === 'ArrowUp' && items.length) move(!shown || active <= 0 ? last : active - 1);
      else if ((e.key === 'Home' || e.key === 'End') && shown && active >= 0) move(e.key === 'Home' ? 0 : last);
      else if (e.key === 'Enter' && shown && active >= 0) {
        e.preventDefault();
        go(items[active]!);
      } else if (e.key === 'Escape' && shown) {
        e.preventDefault(); // closes the list only; a second Escape clears the box as the browser does
        setOpen(false);
        setActive(-1);
      }
    };
    box.addEventListener('keydown', onKeyDown);
    return () => box.removeEventListener('keydown', onKeyDown);
  }, [input, items, shown, active, go]);

  return (
    <>
      <ul
        id={listId}
        role="listbox"
        aria-label={t.suggestions}
        hidden={!shown}
        className="absolute inset-x-0 top-full z-30 mt-1 max-h-[70vh] overflow-y-auto card py-1 shadow-lg"
      >
        {items.map((item, i) => (
          <li
            key={item.href}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            data-href={item.href}
            className={`flex min-h-11 cursor-pointer items-center gap-3 px-3 py-1.5 ${i === active ? 'bg-brand-100' : ''}`}
            // The box keeps the focus (and the list stays open) while a pointer chooses.
            onMouseDown={(e) => e.preventDefault()}
            onMouseMove={() => i !== active && setActive(i)}
            onClick={() => go(item)}
          >
            {item.kind === 'product' ? <ProductOption item={item} /> : <SearchOption item={item} t={t} />}
          </li>
        ))}
      </ul>
      {/* A live region without role=status: the pages' own status messages stay the only ones. */}
      <p id={`${listId}-count`} aria-live="polite" aria-atomic="true" className="sr-only">
        {status}
      </p>
    </>
  );
}

function ProductOption({ item }: { item: Extract<Suggestion, { kind: 'product' }> }) {
  return (
    <>
      <span className="size-10 shrink-0 overflow-hidden rounded-md bg-brand-50">
        {/* eslint-disable-next-line @next/next/no-img-element -- local SVG illustrations: next/image adds nothing for vector files */}
        {item.image && <img src={item.image} alt="" width={40} height={40} className="size-10 object-cover" />}
      </span>
      {/* The name may take two lines; the brand and the price share the next (a phone has room for both only so). */}
      <span className="min-w-0 flex-1">
        <span data-name className="line-clamp-2 text-sm font-semibold text-ink">
          {item.name}
        </span>
        <span className="flex items-baseline justify-between gap-2">
          <span className="truncate text-xs text-muted">{item.brand}</span>
          <span className="shrink-0 text-sm font-bold text-ink">{item.price}</span>
        </span>
      </span>
    </>
  );
}

function SearchOption({ item, t }: { item: Extract<Suggestion, { kind: 'department' | 'brand' }>; t: SuggestTexts }) {
  return (
    <span className="flex min-w-0 items-center gap-3 text-sm text-ink">
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-10 shrink-0 p-2.5 text-muted" fill="none" stroke="currentColor" strokeWidth="2">
        <circle cx="8.5" cy="8.5" r="5.5" />
        <path d="m13 13 4.5 4.5" />
      </svg>
      <span className="truncate">{interpolate(item.kind === 'department' ? t.suggestDepartment : t.suggestBrand, { name: item.name })}</span>
    </span>
  );
}
