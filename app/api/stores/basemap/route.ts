import fs from 'node:fs/promises';
import path from 'node:path';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * France and its neighbours as GeoJSON, for the offline basemap (components/map). Built from
 * Natural Earth (world-atlas) once, at build time: the map never fetches tiles, fonts or sprites.
 */

// ISO 3166 numeric codes: France, then the countries drawn lightly around it.
const FRANCE = '250';
const NEIGHBOURS = new Set([
  '020', '040', '056', '208', '203', '276', '380', '372', '438', '442', '492', '528', '620', '724', '756', '826',
  '504', '012', '788', '674', '470', '705', '191', '616',
]);

function round(value: unknown): unknown {
  if (typeof value === 'number') return Math.round(value * 1000) / 1000;
  return Array.isArray(value) ? value.map(round) : value;
}

export async function GET() {
  const file = path.join(process.cwd(), 'node_modules', 'world-atlas', 'countries-50m.json');
  const topology = JSON.parse(await fs.readFile(file, 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const countries = feature(topology, topology.objects.countries);
  const features = countries.features
    .filter((f) => f.id === FRANCE || NEIGHBOURS.has(String(f.id)))
    .map((f) => ({
      type: 'Feature' as const,
      properties: { name: f.properties?.name ?? '', france: f.id === FRANCE },
      geometry: { ...f.geometry, coordinates: round('coordinates' in f.geometry ? f.geometry.coordinates : []) },
    }));
  return Response.json(
    { type: 'FeatureCollection', features },
    { headers: { 'Cache-Control': 'public, max-age=86400, stale-while-revalidate=604800' } },
  );
}
