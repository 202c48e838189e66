import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { ringPath } from './svg-path';
import { BASEMAP_COLOURS, VIEW_PX, project, type MapView } from './projection';

/**
 * France and its neighbours from Natural Earth (world-atlas), read once per server process: the
 * GeoJSON the interactive map draws (/api/stores/basemap) and the static SVG of the map preview
 * (/api/stores/basemap-svg) come from the same shapes.
 */

// ISO 3166 numeric codes: France, then the countries drawn lightly around it.
const FRANCE = '250';
const NEIGHBOURS = new Set([
  '020',
  '040',
  '056',
  '208',
  '203',
  '276',
  '380',
  '372',
  '438',
  '442',
  '492',
  '528',
  '620',
  '724',
  '756',
  '826',
  '504',
  '012',
  '788',
  '674',
  '470',
  '705',
  '191',
  '616',
]);

export type Country = { name: string; france: boolean; polygons: Position[][][] };

let loading: Promise<Country[]> | undefined;

export function loadCountries(): Promise<Country[]> {
  loading ??= (async () => {
    const file = path.join(process.cwd(), 'node_modules', 'world-atlas', 'countries-50m.json');
    const topology = JSON.parse(await fs.readFile(file, 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    return feature(topology, topology.objects.countries)
      .features.filter((f) => f.id === FRANCE || NEIGHBOURS.has(String(f.id)))
      .map((f) => {
        const g = (f as Feature<Polygon | MultiPolygon, { name: string }>).geometry;
        return {
          name: f.properties?.name ?? '',
          france: f.id === FRANCE,
          polygons: g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [],
        };
      });
  })();
  loading.catch(() => {
    loading = undefined; // a failed read is retried on the next request
  });
  return loading;
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** The basemap as GeoJSON (coordinates to 3 decimals), for MapLibre's offline style. */
export async function basemapGeoJson() {
  const countries = await loadCountries();
  return {
    type: 'FeatureCollection' as const,
    features: countries.map((c) => ({
      type: 'Feature' as const,
      properties: { name: c.name, france: c.france },
      geometry: { type: 'MultiPolygon' as const, coordinates: c.polygons.map((p) => p.map((ring) => ring.map(([lng, lat]) => [round3(lng!), round3(lat!)]))) },
    })),
  };
}

/** How far around the framed view the SVG is drawn, in views: the preview's box shows it in wide containers. */
const MARGIN = 1;
/** How far (in the canvas's pixels, about one CSS pixel on a phone) a simplified coast may stray from Natural Earth's. */
const SIMPLIFY_PX = 1;

/**
 * The basemap around `view` as an SVG image, in the preview's pixels: the view itself is the
 * rectangle (MARGIN·w, MARGIN·h)–((MARGIN+1)·w, (MARGIN+1)·h) of a (2·MARGIN+1)² larger canvas.
 * Each ring is simplified to within SIMPLIFY_PX of its outline (lib/map/svg-path.ts), rings outside
 * the canvas skipped: the picture is the store locator's largest paint, so its bytes count.
 */
export async function basemapSvg(view: MapView): Promise<string> {
  const countries = await loadCountries();
  const W = VIEW_PX.width * (2 * MARGIN + 1);
  const H = VIEW_PX.height * (2 * MARGIN + 1);
  const toPx = (lng: number, lat: number): [number, number] => {
    const p = project(view, lng, lat);
    return [(p.x + MARGIN) * VIEW_PX.width, (p.y + MARGIN) * VIEW_PX.height];
  };
  const paths: string[] = [];
  // Neighbours first, France on top (its border drawn last, not half-hidden by theirs).
  for (const country of [...countries].sort((a, b) => Number(a.france) - Number(b.france))) {
    let d = '';
    for (const polygon of country.polygons) {
      for (const ring of polygon) {
        const pts = ring.map(([lng, lat]) => toPx(lng!, lat!));
        const xs = pts.map((p) => p[0]);
        const ys = pts.map((p) => p[1]);
        if (Math.max(...xs) < 0 || Math.min(...xs) > W || Math.max(...ys) < 0 || Math.min(...ys) > H) continue;
        d += ringPath(pts, SIMPLIFY_PX);
      }
    }
    if (!d) continue;
    const c = country.france ? BASEMAP_COLOURS.france : BASEMAP_COLOURS.neighbour;
    paths.push(`<path d="${d}" fill="${c.fill}" stroke="${c.line}" stroke-width="${c.lineWidth}" stroke-linejoin="round"/>`);
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}">` +
    `<rect width="${W}" height="${H}" fill="${BASEMAP_COLOURS.sea}"/>${paths.join('')}</svg>`
  );
}
