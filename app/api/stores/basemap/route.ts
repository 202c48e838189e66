import { basemapGeoJson } from '@/lib/map/basemap';

/**
 * France and its neighbours as GeoJSON, for the offline basemap (components/map). From Natural
 * Earth (world-atlas), read once per server process: the map never fetches tiles, fonts or sprites.
 */
export async function GET() {
  return Response.json(await basemapGeoJson(), {
    headers: { 'Cache-Control': 'public, max-age=86400, stale-while-revalidate=604800' },
  });
}
