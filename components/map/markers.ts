import { PIN_PATH } from './pin';
import type { MapStore, MapTexts, StoreMapProps } from './types';
import { isLocale } from '@/lib/i18n/config';
import { localizedPath, storePath } from '@/lib/routing/public-url';

/** An HTML marker: no sprites or glyphs needed, so it works on the offline style. */
export function storeMarkerElement(store: MapStore): HTMLElement {
  const el = document.createElement('div');
  el.className = 'store-marker';
  el.dataset.storeId = String(store.id);
  el.setAttribute('aria-label', store.name);
  el.setAttribute('role', 'button');
  el.innerHTML = `<svg viewBox="0 0 24 24" width="30" height="30" aria-hidden="true"><path d="${PIN_PATH}" /></svg>`;
  return el;
}

export function markAsMine(el: HTMLElement, mine: boolean) {
  el.classList.toggle('store-marker--mine', mine);
  el.style.zIndex = mine ? '2' : '';
}

export function originMarkerElement(texts: MapTexts): HTMLElement {
  const el = document.createElement('div');
  el.className = 'origin-marker';
  el.title = texts.youAreHere;
  el.setAttribute('aria-label', texts.youAreHere);
  el.setAttribute('role', 'img');
  return el;
}

export function popupContent(
  store: MapStore,
  texts: MapTexts,
  mine: boolean,
  withLink: boolean,
  select?: { label: string; onSelect: (storeId: number) => void },
  close?: () => void,
): HTMLElement {
  const root = document.createElement('div');
  root.className = 'store-popup';
  const name = document.createElement('p');
  name.className = 'store-popup__name';
  name.textContent = store.name;
  const town = document.createElement('p');
  town.className = 'store-popup__town';
  town.textContent = mine ? `${store.town} · ${texts.isMyStore}` : store.town;
  const link = document.createElement('a');
  link.className = 'store-popup__link';
  // The page's language (its <html lang>): the store's page in the same one.
  const lang = document.documentElement.lang;
  link.href = localizedPath(storePath(store.slug), isLocale(lang) ? lang : undefined);
  link.textContent = texts.viewStore;
  root.append(name, town);
  if (select) {
    const choose = document.createElement('button');
    choose.type = 'button';
    choose.className = 'store-popup__link';
    choose.textContent = select.label;
    choose.addEventListener('click', () => {
      select.onSelect(store.id);
      close?.();
    });
    root.append(choose);
  } else if (withLink) root.append(link);
  return root;
}

export type InitialView = { kind: 'center'; center: [number, number]; zoom: number } | { kind: 'bounds'; bounds: [[number, number], [number, number]] };

const FRANCE_VIEW: InitialView = { kind: 'center', center: [2.5, 46.6], zoom: 4.6 };
const NEAREST_FRAMED = 3;

/** Where the camera starts: the store, the origin and its nearest stores, or every store. */
export function initialView(props: Pick<StoreMapProps, 'stores' | 'origin' | 'mode'>, singleZoom: number): InitialView {
  const { stores, origin, mode } = props;
  const first = stores[0];
  if (mode === 'single' && first) return { kind: 'center', center: [first.lng, first.lat], zoom: singleZoom };
  const points = origin ? [{ lat: origin.lat, lng: origin.lng }, ...stores.slice(0, NEAREST_FRAMED)] : stores;
  if (points.length === 0) return FRANCE_VIEW;
  const lngs = points.map((p) => p.lng);
  const lats = points.map((p) => p.lat);
  return {
    kind: 'bounds',
    bounds: [
      [Math.min(...lngs), Math.min(...lats)],
      [Math.max(...lngs), Math.max(...lats)],
    ],
  };
}

/** MapLibre 6 and Mapbox GL 3 both need WebGL 2. */
export function webgl2Available(): boolean {
  try {
    return Boolean(document.createElement('canvas').getContext('webgl2'));
  } catch {
    return false;
  }
}
