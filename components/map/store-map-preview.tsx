import { Suspense } from 'react';
import { previewView, project, roundView, VIEW_PX } from '@/lib/map/projection';
import { PreviewPins } from './preview-pins';
import type { StoreMapProps } from './types';

/**
 * The map as the page first shows it: rendered on the server, no JavaScript. The basemap is one
 * SVG image (/api/stores/basemap-svg, cached) framed like the interactive map's first view; the
 * stores are HTML pins over it (the visitor's own picked out in the browser: PreviewPins). StoreMapLoader swaps in the interactive map when the shopper asks.
 *
 * The nominal VIEW_PX box is fitted into the container whatever its shape (a size container
 * query, `contain`-style); the image is three views wide and high, so a container wider or
 * taller than the box still shows land around it rather than bands of sea.
 */
export function StoreMapPreview({ stores, origin, mode, priority = false }: Pick<StoreMapProps, 'stores' | 'origin' | 'mode'> & { priority?: boolean }) {
  const view = roundView(previewView({ stores, origin, mode }));
  const at = (lng: number, lat: number) => {
    const p = project(view, lng, lat);
    return { left: `${(p.x * 100).toFixed(2)}%`, top: `${(p.y * 100).toFixed(2)}%` };
  };
  return (
    <div className="[container-type:size] pointer-events-none absolute inset-0" aria-hidden="true" data-testid="store-map-preview">
      <div
        className="absolute top-1/2 left-1/2 -translate-x-1/2 -translate-y-1/2"
        style={{
          width: `min(100cqw, 100cqh * ${VIEW_PX.width / VIEW_PX.height})`,
          aspectRatio: `${VIEW_PX.width} / ${VIEW_PX.height}`,
        }}
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- a vector drawn for this view; next/image adds nothing */}
        <img
          src={`/api/stores/basemap-svg?v=${view.lng},${view.lat},${view.zoom}`}
          alt=""
          className="absolute -top-full -left-full h-[300%] w-[300%] max-w-none"
          decoding="async"
          // `priority`: the page's largest paint (the locator's), asked for with the document's first bytes.
          fetchPriority={priority ? 'high' : undefined}
        />
        {/* A boundary of their own: many pins are many bytes, and React sends a boundary over its
            chunk size after the rest of the page (docs/rendering.md) — the picture first. */}
        <Suspense fallback={null}>
          <PreviewPins pins={stores.map((s) => ({ id: s.id, ...at(s.lng, s.lat) }))} />
        </Suspense>
        {origin && <span className="origin-marker absolute -translate-x-1/2 -translate-y-1/2" style={at(origin.lng, origin.lat)} />}
      </div>
    </div>
  );
}
