/**
 * Web Mercator framing for the static map preview (components/map/store-map-preview.tsx): the same
 * camera the interactive map starts with (components/map/markers.ts, initialView), as a centre and
 * a zoom over a nominal box of VIEW_PX, so the preview and the map it turns into look alike.
 */

/** The preview's nominal box, in CSS pixels at `zoom` (MapLibre's 512-pixel tiles). */
export const VIEW_PX = { width: 480, height: 320 } as const;

/** The offline style's colours (components/map/maplibre-engine.ts draws with the same). */
export const BASEMAP_COLOURS = {
  sea: '#d6e6ee',
  france: { fill: '#fbfbf8', line: '#7fa393', lineWidth: 1.4 },
  neighbour: { fill: '#e9ebe6', line: '#c3c8c1', lineWidth: 0.7 },
} as const;

export type MapView = { lng: number; lat: number; zoom: number };

const TILE = 512;
/** All of France when there is nothing to frame. */
const FRANCE_VIEW: MapView = { lng: 2.5, lat: 46.6, zoom: 4.6 };
/** The interactive map's own limits (maplibre-engine.ts): fitBounds padding and zoom cap, single-store zoom. */
const PADDING_PX = 48;
const MAX_FIT_ZOOM = 5.5;
const SINGLE_ZOOM = 5;
const NEAREST_FRAMED = 3;

const mercX = (lng: number) => (lng + 180) / 360;
const mercY = (lat: number) => 0.5 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI);
const lngOf = (x: number) => x * 360 - 180;
const latOf = (y: number) => (360 / Math.PI) * Math.atan(Math.exp((0.5 - y) * 2 * Math.PI)) - 90;

type Point = { lat: number; lng: number };

/** Where the camera starts: the store, the origin and its nearest stores, or every store. */
export function previewView(opts: { stores: Point[]; origin?: Point | null; mode: 'all' | 'single' }): MapView {
  const first = opts.stores[0];
  if (opts.mode === 'single' && first) return { lng: first.lng, lat: first.lat, zoom: SINGLE_ZOOM };
  const points = opts.origin ? [opts.origin, ...opts.stores.slice(0, NEAREST_FRAMED)] : opts.stores;
  if (points.length === 0) return FRANCE_VIEW;
  const xs = points.map((p) => mercX(p.lng));
  const ys = points.map((p) => mercY(p.lat));
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const fit = Math.min(
    (VIEW_PX.width - 2 * PADDING_PX) / Math.max((x1 - x0) * TILE, 1e-9),
    (VIEW_PX.height - 2 * PADDING_PX) / Math.max((y1 - y0) * TILE, 1e-9),
  );
  const zoom = Math.min(MAX_FIT_ZOOM, Math.log2(fit));
  return { lng: lngOf((x0 + x1) / 2), lat: latOf((y0 + y1) / 2), zoom };
}

/** A point as a fraction of the view's box: (0, 0) top left, (1, 1) bottom right. */
export function project(view: MapView, lng: number, lat: number): { x: number; y: number } {
  const scale = TILE * 2 ** view.zoom;
  return {
    x: 0.5 + ((mercX(lng) - mercX(view.lng)) * scale) / VIEW_PX.width,
    y: 0.5 + ((mercY(lat) - mercY(view.lat)) * scale) / VIEW_PX.height,
  };
}

/** The view rounded, so that equal framings share one cached image URL. */
export function roundView(view: MapView): MapView {
  return { lng: Math.round(view.lng * 1000) / 1000, lat: Math.round(view.lat * 1000) / 1000, zoom: Math.round(view.zoom * 100) / 100 };
}

/** Parses `lng,lat,zoom` (the preview image's query); null unless it is a sensible view of Earth. */
export function parseView(value: string | null): MapView | null {
  const parts = (value ?? '').split(',').map(Number);
  if (parts.length !== 3 || !parts.every(Number.isFinite)) return null;
  const [lng, lat, zoom] = parts as [number, number, number];
  if (Math.abs(lng) > 180 || Math.abs(lat) > 85 || zoom < 0 || zoom > 14) return null;
  return roundView({ lng, lat, zoom });
}
