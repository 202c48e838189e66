'use client';

import { useRouter } from 'next/navigation';
import {
  Fragment,
  startTransition,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type MouseEvent,
  type ReactNode,
  type SyntheticEvent,
} from 'react';
import { createPortal } from 'react-dom';
import { refreshVisitor } from '@/components/layout/visitor';
import { initialActionState, type ActionState } from '@/lib/actions/state';
import type { Locale } from '@/lib/i18n/config';
import { openingStatusAt, parisNow, parisNowFrom, type Closure, type OpeningInterval, type ParisClock } from '@/lib/stores/hours';
import type { OpeningTexts } from '@/lib/stores/opening-text';
import { IsMyStoreNote } from './is-my-store-note';
import type { MakeMyStoreAction } from './make-my-store-button';
import { OpeningStatusLine } from './opening-status';
import { useMinuteClock } from './use-minute-clock';
import { announceMyStoreChange, useMyStoreId } from './use-my-store-id';

type Props = {
  as: 'ul' | 'ol';
  label: string;
  locale: Locale;
  t: OpeningTexts & { isMyStore: string; saving: string; notSaved: string };
  /** The distinct weekly hours and closures the cards' `data-week` and `data-closures` point into. */
  weeks: OpeningInterval[][];
  closures: Closure[][];
  /**
   * Paris's offsets and weekday names, as the server's Intl gives them: "open now" is worked out
   * without Intl in the browser, whose first date format costs some 50 ms of main thread (more on
   * a phone). Intl only past the clock's span (a tab left open for weeks).
   */
  clock: ParisClock;
  weekdays: string[];
  makeMyStore: MakeMyStoreAction;
  /** The cards, each in its `<li>`, as the server wrote them (storeCardsHtml): put in as they are, never hydrated. */
  cardsHtml: string;
};

/** A card's parts this list writes into, read from its markup (storeCardsHtml). */
type Card = {
  id: number;
  week: number;
  closures: number;
  article: HTMLElement;
  status: HTMLElement;
  form: HTMLFormElement;
  button: HTMLButtonElement;
};

type FormState = { pending: boolean; state: ActionState };

function readCards(list: HTMLElement): Card[] {
  const cards: Card[] = [];
  for (const article of list.querySelectorAll<HTMLElement>('article[data-store-id]')) {
    const status = article.querySelector<HTMLElement>('.store-card-status');
    const form = article.querySelector('form');
    const button = form?.querySelector('button');
    if (!status || !form || !button) continue;
    const { storeId, week, closures } = article.dataset;
    cards.push({ id: Number(storeId), week: Number(week), closures: Number(closures), article, status, form, button });
  }
  return cards;
}

function setFlag(element: HTMLElement, name: string, on: boolean): void {
  if (on) element.setAttribute(name, 'true');
  else element.removeAttribute(name);
}

/** A card's state in its markup, for store-list.css: the visitor's store, a choice being sent. */
function showCardState({ article, form, button }: Card, mine: boolean, pending: boolean): void {
  setFlag(article, 'data-mine', mine);
  setFlag(form, 'data-pending', pending);
  button.disabled = pending;
}

/** A link in the list this page may route itself, as next/link would: a plain left click, same site, same tab. */
function routableHref(event: MouseEvent<HTMLElement>): string | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const link = event.target instanceof Element ? event.target.closest('a') : null;
  if (!link || !event.currentTarget.contains(link) || link.target || link.hasAttribute('download') || link.origin !== window.location.origin) return null;
  return link.pathname + link.search + link.hash;
}

/**
 * The store list's one component in the browser. The cards are the server's HTML (storeCardsHtml),
 * which React puts in the list as it is and does not hydrate; this reads them once, then, for all
 * of them:
 * - "open now", worked out from the page's distinct hours and closures and this minute's clock, is
 *   put in each card's slot (a portal; only the lines whose text changes are written again);
 * - the visitor's store (the my-store cookie) gets `data-mine` and "My store" in place of its button;
 * - "Make this my store" is answered here (the submit bubbles up to the list), as a server action: the
 *   form's own target (app/api/my-store) is what a form posted before hydration reaches; here the answer is needed, for
 *   "Saving…", the sentence (said in the list's one live region; a refusal also shown on the card)
 *   and the header;
 * - the links go through the router, and are prefetched when the shopper shows intent (IntentLink).
 * The list was 57 cards of five client components each (frame, status, button, two links): 333
 * component instances and 1,575 hooks to hydrate on /stores, now 48 and 222 (bench/experiments/page-weight.ts).
 */
export function StoreListLive({ as: List, label, locale, t, weeks, closures, clock, weekdays, makeMyStore, cardsHtml }: Props) {
  const router = useRouter();
  const now = useMinuteClock();
  const myStoreId = useMyStoreId();
  const [list, setList] = useState<HTMLElement | null>(null);
  const [cards, setCards] = useState<Card[]>([]);
  const [forms, setForms] = useState<ReadonlyMap<number, FormState>>(new Map());
  const [said, setSaid] = useState('');
  const sending = useRef(new Set<number>());
  const prefetched = useRef(new Set<string>());

  // Read again when the server sends other cards (another search, a refresh). After paint, and as
  // a transition: the statuses and my store are rendered in slices of their own rather than in the
  // task that hydrated the list (the placeholders show meanwhile, as they did until hydration).
  useEffect(() => {
    if (!list) return;
    const found = readCards(list);
    startTransition(() => setCards(found));
  }, [list, cardsHtml]);

  // Before paint, so that the outline, the button hidden and "My store" shown land in one frame.
  useLayoutEffect(() => {
    for (const card of cards) showCardState(card, card.id === myStoreId, forms.get(card.id)?.pending ?? false);
  }, [cards, forms, myStoreId]);

  // One line per distinct schedule (most stores share their hours and closures), made again each
  // minute; React writes to the page only the lines whose text has changed.
  const lines = useMemo(() => {
    const byKey = new Map<string, ReactNode>();
    if (!now) return byKey;
    const today = parisNowFrom(now, clock) ?? parisNow(now);
    for (const { week, closures: closed } of cards) {
      const key = `${week}/${closed}`;
      const hours = weeks[week];
      if (byKey.has(key) || !hours) continue;
      const status = openingStatusAt(hours, closures[closed] ?? [], today);
      byKey.set(key, <OpeningStatusLine status={status} locale={locale} t={t} weekdays={weekdays} />);
    }
    return byKey;
  }, [now, cards, weeks, closures, clock, weekdays, locale, t]);

  function submit(event: FormEvent<HTMLElement>) {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    const card = form.closest<HTMLElement>('article[data-store-id]');
    if (!card) return;
    // React's own submission of the form's bound action would drop the answer (a prevented submit is not sent).
    event.preventDefault();
    const storeId = Number(card.dataset.storeId);
    const formData = new FormData(form);
    if (sending.current.has(storeId)) return;
    sending.current.add(storeId);
    setForms((m) => new Map(m).set(storeId, { pending: true, state: m.get(storeId)?.state ?? initialActionState }));
    startTransition(async () => {
      let state: ActionState = initialActionState;
      try {
        state = await makeMyStore(initialActionState, formData);
      } catch {
        // The request never got its answer (the connection dropped, the server restarted): said on
        // the card, where the shopper can try again, rather than the page's error screen.
        state = { ok: false, message: t.notSaved };
      } finally {
        sending.current.delete(storeId);
        setForms((m) => new Map(m).set(storeId, { pending: false, state }));
        setSaid(state.message);
      }
      if (!state.ok) return;
      announceMyStoreChange();
      refreshVisitor(); // the header's "my store"
    });
  }

  function navigate(event: MouseEvent<HTMLElement>) {
    const href = routableHref(event);
    if (href === null) return;
    event.preventDefault();
    router.push(href);
  }

  function prefetch(event: SyntheticEvent<HTMLElement>) {
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    if (!link || link.origin !== window.location.origin) return;
    const href = link.pathname + link.search;
    if (prefetched.current.has(href)) return;
    prefetched.current.add(href);
    router.prefetch(href);
  }

  return (
    <>
      <List
        ref={setList}
        aria-label={label}
        className="flex flex-col gap-3"
        data-testid="store-list"
        onSubmit={submit}
        onClick={navigate}
        onPointerOver={prefetch}
        onFocus={prefetch}
        onTouchStart={prefetch}
        dangerouslySetInnerHTML={{ __html: cardsHtml }}
      />
      <p aria-live="polite" className="sr-only">
        {said}
      </p>
      {cards.map((card) => {
        const line = lines.get(`${card.week}/${card.closures}`);
        const form = forms.get(card.id);
        const refused = form && !form.pending && !form.state.ok && form.state.message;
        return (
          <Fragment key={card.id}>
            {line && createPortal(line, card.status)}
            {card.id === myStoreId && createPortal(<IsMyStoreNote text={t.isMyStore} />, card.form)}
            {form?.pending && createPortal(<span>{t.saving}</span>, card.button)}
            {refused && createPortal(<p className="field-error">{refused}</p>, card.form)}
          </Fragment>
        );
      })}
    </>
  );
}
