import * as mapboxgl from 'mapbox-gl';
import 'mapbox-gl/dist/mapbox-gl.css';
import { initialView, markAsMine, originMarkerElement, popupContent, storeMarkerElement, webgl2Available } from './markers';
import type { MountedMap, StoreMapProps } from './types';

const LOAD_TIMEOUT_MS = 20_000;

/** Used instead of the offline map when NEXT_PUBLIC_MAPBOX_TOKEN is set: real streets. */
export async function mountMap(container: HTMLElement, props: StoreMapProps, token: string): Promise<MountedMap> {
  if (!webgl2Available()) throw new Error('WebGL 2 is not available');
  const view = initialView(props, 14);
  const map = new mapboxgl.Map({
    container,
    accessToken: token,
    style: 'mapbox://styles/mapbox/streets-v12',
    ...(view.kind === 'center' ? { center: view.center, zoom: view.zoom } : { bounds: view.bounds, fitBoundsOptions: { padding: 48, maxZoom: 13 } }),
    dragRotate: false,
    pitchWithRotate: false,
    cooperativeGestures: props.mode === 'all',
    locale: {
      'ScrollZoomBlocker.CtrlMessage': props.texts.gestureScroll,
      'ScrollZoomBlocker.CmdMessage': props.texts.gestureScroll.replace('Ctrl', '⌘'),
      'TouchPanBlocker.Message': props.texts.gestureTouch,
    },
  });
  map.touchZoomRotate.disableRotation();

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The map took too long to load')), LOAD_TIMEOUT_MS);
    map.once('load', () => {
      clearTimeout(timer);
      resolve();
    });
    map.once('error', (event: { error?: Error }) => {
      clearTimeout(timer);
      reject(event.error ?? new Error('Map error'));
    });
  }).catch((err: unknown) => {
    map.remove();
    throw err;
  });

  const markers: { id: number; update: (mine: boolean) => void }[] = [];
  for (const store of props.stores) {
    const el = storeMarkerElement(store);
    const popup = new mapboxgl.Popup({ offset: 30, maxWidth: '16rem' });
    const update = (mine: boolean) => {
      markAsMine(el, mine);
      popup.setDOMContent(popupContent(store, props.texts, mine, props.mode === 'all', props.select, () => popup.remove()));
    };
    update(store.id === props.myStoreId);
    markers.push({ id: store.id, update });
    new mapboxgl.Marker({ element: el, anchor: 'bottom' }).setLngLat([store.lng, store.lat]).setPopup(popup).addTo(map);
  }
  if (props.origin) {
    new mapboxgl.Marker({ element: originMarkerElement(props.texts) }).setLngLat([props.origin.lng, props.origin.lat]).addTo(map);
  }

  return {
    dispose: () => map.remove(),
    setMyStore: (id) => markers.forEach((m) => m.update(m.id === id)),
  };
}
