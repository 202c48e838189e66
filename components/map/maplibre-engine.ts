import { Map as MapLibreMap, Marker, Popup, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { initialView, markAsMine, originMarkerElement, popupContent, storeMarkerElement, webgl2Available } from './markers';
import type { MountedMap, StoreMapProps } from './types';

const WORKER_URL = '/api/stores/map-worker?v=6.17.0';
const BASEMAP_URL = '/api/stores/basemap';
const LOAD_TIMEOUT_MS = 20_000;

/**
 * Fully offline: a sea-coloured background, France and its neighbours from Natural Earth, no
 * tiles, no glyphs, no sprites (so no text layers — markers are HTML).
 */
function offlineStyle(): StyleSpecification {
  return {
    version: 8,
    sources: { countries: { type: 'geojson', data: new URL(BASEMAP_URL, window.location.href).href } },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#d6e6ee' } },
      {
        id: 'land',
        type: 'fill',
        source: 'countries',
        paint: { 'fill-color': ['case', ['get', 'france'], '#fbfbf8', '#e9ebe6'] },
      },
      {
        id: 'borders',
        type: 'line',
        source: 'countries',
        paint: {
          'line-color': ['case', ['get', 'france'], '#7fa393', '#c3c8c1'],
          'line-width': ['case', ['get', 'france'], 1.4, 0.7],
        },
      },
    ],
  };
}

export async function mountMap(container: HTMLElement, props: StoreMapProps): Promise<MountedMap> {
  if (!webgl2Available()) throw new Error('WebGL 2 is not available');
  setWorkerUrl(WORKER_URL);
  // Without labels or roads, a closer view would be a blank plain: keep France's outline in sight.
  const view = initialView(props, 5);
  const map = new MapLibreMap({
    container,
    style: offlineStyle(),
    ...(view.kind === 'center' ? { center: view.center, zoom: view.zoom } : { bounds: view.bounds, fitBoundsOptions: { padding: 48, maxZoom: 5.5 } }),
    maxZoom: 14,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    cooperativeGestures: props.mode === 'all',
    locale: {
      'CooperativeGesturesHandler.WindowsHelpText': props.texts.gestureScroll,
      'CooperativeGesturesHandler.MacHelpText': props.texts.gestureScroll.replace('Ctrl', '⌘'),
      'CooperativeGesturesHandler.MobileHelpText': props.texts.gestureTouch,
    },
    attributionControl: { compact: true, customAttribution: 'Natural Earth' },
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The map took too long to load')), LOAD_TIMEOUT_MS);
    map.once('load', () => {
      clearTimeout(timer);
      resolve();
    });
    map.once('error', (event) => {
      clearTimeout(timer);
      reject(event.error);
    });
  }).catch((err: unknown) => {
    map.remove();
    throw err;
  });

  // Start with the attribution folded behind its (i) button rather than covering a phone-sized map.
  container.querySelector('.maplibregl-compact-show')?.classList.remove('maplibregl-compact-show');

  const markers: { id: number; el: HTMLElement; update: (mine: boolean) => void }[] = [];
  for (const store of props.stores) {
    const el = storeMarkerElement(store);
    const popup = new Popup({ offset: 30, maxWidth: '16rem' });
    const update = (mine: boolean) => {
      markAsMine(el, mine);
      popup.setDOMContent(popupContent(store, props.texts, mine, props.mode === 'all', props.select, () => popup.remove()));
    };
    update(store.id === props.myStoreId);
    markers.push({ id: store.id, el, update });
    new Marker({ element: el, anchor: 'bottom' }).setLngLat([store.lng, store.lat]).setPopup(popup).addTo(map);
  }
  if (props.origin) {
    new Marker({ element: originMarkerElement(props.texts) }).setLngLat([props.origin.lng, props.origin.lat]).addTo(map);
  }

  return {
    dispose: () => map.remove(),
    setMyStore: (id) => markers.forEach((m) => m.update(m.id === id)),
  };
}
