export type MapStore = { id: number; slug: string; name: string; town: string; lat: number; lng: number };

export type MapTexts = {
  label: string;
  loading: string;
  unavailable: string;
  viewStore: string;
  isMyStore: string;
  youAreHere: string;
  /** Shown when one finger or an unmodified scroll tries to move the map inside the page. */
  gestureScroll: string;
  gestureTouch: string;
  /** The static preview's call to action (StoreMapLoader with a preview): "Show the interactive map". */
  show?: string;
};

/** The map's texts from the stores dictionary; `label` and `unavailable` differ between the list and a store's page. */
export function storeMapTexts(
  t: { mapLoading: string; mapShow: string; viewStore: string; isMyStore: string; youAreHere: string; mapGestureScroll: string; mapGestureTouch: string },
  { label, unavailable }: { label: string; unavailable: string },
): MapTexts {
  return {
    label,
    unavailable,
    loading: t.mapLoading,
    show: t.mapShow,
    viewStore: t.viewStore,
    isMyStore: t.isMyStore,
    youAreHere: t.youAreHere,
    gestureScroll: t.mapGestureScroll,
    gestureTouch: t.mapGestureTouch,
  };
}

export type StoreMapProps = {
  stores: MapStore[];
  myStoreId: number | null;
  texts: MapTexts;
  /** The searched place or the shopper's position: shown, and framed with the nearest stores. */
  origin?: { lat: number; lng: number } | null;
  /** 'single': one store page; 'all': frame every store (or the origin and the nearest ones). */
  mode: 'all' | 'single';
  /**
   * A form choosing a shop (the returns desk): each pin's pop-up offers `select.label`, which picks
   * that shop, instead of a link that would leave the half-filled form.
   */
  select?: { label: string; onSelect: (storeId: number) => void };
};

/** What an engine gives back once the map is on screen. */
export type MountedMap = { dispose: () => void; setMyStore: (id: number | null) => void };
