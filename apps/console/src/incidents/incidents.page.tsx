import { useState } from 'preact/hooks';
import { href, type Route } from '../shell/router';
import { Loaded } from '../shell/problem';
import { useResource } from '../shell/use-resource';
import { IncidentMap } from './incident-map';
import { allIncidents, type CaseFile, type IncidentFilter } from './incidents.queries';

/** Each status a case can have, in the order a case moves through them; the compiler checks none is missing. */
const STATUS_ORDER: Record<CaseFile['status'], number> = {
  REPORTED: 0,
  ADMISSIBLE: 1,
  INADMISSIBLE: 2,
  DUPLICATE: 3,
  UNDER_INVESTIGATION: 4,
  FINDING_ADOPTED: 5,
  CLOSED: 6,
};
const STATUSES = (Object.keys(STATUS_ORDER) as CaseFile['status'][]).sort((a, b) => STATUS_ORDER[a] - STATUS_ORDER[b]);

const SelectedIncident = ({ incident }: { incident?: CaseFile }) =>
  incident ? (
    <p class="selected-incident" aria-live="polite">
      <strong dir="auto">{incident.location.place ?? `${incident.location.lat}, ${incident.location.lon}`}</strong> —{' '}
      {incident.category}, {incident.status}, occurred {incident.occurredAt.slice(0, 16).replace('T', ' ')} (±
      {incident.location.precisionKm} km). <a href={href(['incidents', incident.incidentId])}>Replay the case</a>
    </p>
  ) : null;

export const IncidentsPage = ({ agreementId, route }: { agreementId: string; route: Route }) => {
  const filter: IncidentFilter = {
    status: (route.query.get('status') as CaseFile['status'] | null) ?? undefined,
    party: route.query.get('party') ?? undefined,
  };
  const incidents = useResource(() => allIncidents(agreementId, filter), [agreementId, filter.status, filter.party]);
  const [selected, setSelected] = useState<string>();
  const setFilter = (change: Partial<IncidentFilter>) =>
    (location.hash = href(['agreements', agreementId, 'incidents'], { ...filter, ...change }));
  return (
    <>
      <h1>Incidents</h1>
      <p class="subnav">
        <a href={href(['agreements', agreementId])}>Back to the dashboard</a>
      </p>
      <form class="filters" aria-label="Filter incidents" onSubmit={(e) => e.preventDefault()}>
        <label>
          Status
          <select
            name="status"
            value={filter.status ?? ''}
            onChange={(e) =>
              setFilter({ status: ((e.target as HTMLSelectElement).value || undefined) as CaseFile['status'] })
            }
          >
            <option value="">any</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Alleged perpetrator
          <input
            name="party"
            value={filter.party ?? ''}
            size={4}
            onChange={(e) =>
              setFilter({ party: (e.target as HTMLInputElement).value.trim().toUpperCase() || undefined })
            }
          />
        </label>
      </form>
      <Loaded resource={incidents}>
        {(list) => (
          <>
            <IncidentMap incidents={list} selected={selected} onSelect={setSelected} />
            {selected && <SelectedIncident incident={list.find((i) => i.incidentId === selected)} />}
            <table class="incidents">
              <caption>{list.length} incidents</caption>
              <thead>
                <tr>
                  <th scope="col">Occurred</th>
                  <th scope="col">Place</th>
                  <th scope="col">Category</th>
                  <th scope="col">Alleged</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {list.slice(0, 50).map((i) => (
                  <tr key={i.incidentId} class={selected === i.incidentId ? 'selected' : undefined}>
                    <td>
                      <time dateTime={i.occurredAt}>{i.occurredAt.slice(0, 16).replace('T', ' ')}</time>
                    </td>
                    <td>
                      <a href={href(['incidents', i.incidentId])} dir="auto">
                        {i.location.place ?? `${i.location.lat}, ${i.location.lon}`}
                      </a>
                    </td>
                    <td>{i.category}</td>
                    <td>{i.allegedPerpetrator ?? '—'}</td>
                    <td>{i.status}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {list.length > 50 && (
              <p class="hint">The first 50 of {list.length} are listed (filter to narrow); the map shows all.</p>
            )}
          </>
        )}
      </Loaded>
    </>
  );
};
