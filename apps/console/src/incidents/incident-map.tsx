import { geoMercator, geoPath } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';
import { useMemo } from 'preact/hooks';
import boundaries from '../../generated/boundaries.json';
import type { CaseFile } from './incidents.queries';

const WIDTH = 760;
const HEIGHT = 560;
const KM_PER_DEGREE = 111.32;

type Boundaries = FeatureCollection<Geometry, { kind: 'country' | 'province'; code: string; name?: string }>;
const shapes = boundaries as unknown as Boundaries;

/**
 * Incidents over Pakistan and Afghanistan and their provinces (Natural Earth, shipped with the console; no
 * tiles, nothing fetched). A point's size is its reported precision; its colour, the case's status.
 */
export const IncidentMap = ({
  incidents,
  selected,
  onSelect,
}: {
  incidents: CaseFile[];
  selected?: string;
  onSelect: (incidentId: string) => void;
}) => {
  const { projection, paths } = useMemo(() => {
    const projection = geoMercator().fitExtent(
      [
        [8, 8],
        [WIDTH - 8, HEIGHT - 8],
      ],
      { ...shapes, features: shapes.features.filter((f) => f.properties.kind === 'country') },
    );
    const path = geoPath(projection);
    return {
      projection,
      // Countries are filled first; provinces are lines drawn over them.
      paths: [...shapes.features]
        .sort((a, b) => (a.properties.kind === b.properties.kind ? 0 : a.properties.kind === 'country' ? -1 : 1))
        .map((f) => ({
          key: `${f.properties.kind}-${f.properties.code}`,
          kind: f.properties.kind,
          name: f.properties.name ?? f.properties.code,
          d: path(f) ?? '',
        })),
    };
  }, []);
  const points = incidents.map((i) => {
    const [x, y] = projection([i.location.lon, i.location.lat]) ?? [0, 0];
    const [, edge] = projection([i.location.lon, i.location.lat + i.location.precisionKm / KM_PER_DEGREE]) ?? [0, 0];
    return { i, x, y, r: Math.max(3, Math.abs(y - edge)) };
  });
  return (
    <figure class="map">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="group"
        aria-label={`Map of ${incidents.length} incidents; the list below holds the same cases`}
        data-points={points.length}
      >
        {paths.map((p) => (
          <path key={p.key} d={p.d} class={`boundary boundary-${p.kind}`}>
            <title>{p.name}</title>
          </path>
        ))}
        {points.map(({ i, x, y, r }) => (
          <circle
            key={i.incidentId}
            cx={x}
            cy={y}
            r={r}
            class={`incident status-${i.status}${selected === i.incidentId ? ' selected' : ''}`}
            data-incident={i.incidentId}
            onClick={() => onSelect(i.incidentId)}
          >
            <title>
              {i.location.place ?? `${i.location.lat}, ${i.location.lon}`} — {i.category}, {i.status} (±
              {i.location.precisionKm} km)
            </title>
          </circle>
        ))}
      </svg>
      <figcaption>
        Point size: reported precision (radius in km). Colour: status.{' '}
        {['REPORTED', 'UNDER_INVESTIGATION', 'FINDING_ADOPTED', 'CLOSED', 'INADMISSIBLE'].map((s) => (
          <span key={s} class={`legend-dot status-${s}`}>
            {s.replace(/_/g, ' ').toLowerCase()}
          </span>
        ))}
        <br />
        Boundaries: Natural Earth (public domain), provinces of Afghanistan and Pakistan.
      </figcaption>
    </figure>
  );
};
