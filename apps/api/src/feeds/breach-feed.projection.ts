import { BREACH_EVENT_TYPES, type CommitmentEvent, type IncidentEvent } from '@ceasefire/mvm';
import type { Projection, ProjectionTx, RecordedEventOf } from '@ceasefire/projections';
import { toCloudEvent } from './cloud-event';

export const severityRank = (severity: string | undefined | null): number | null =>
  severity && /^S[0-4]$/.test(severity) ? Number(severity.slice(1)) : null;

interface Facts {
  parties: string[];
  severity?: string;
}

/**
 * The breach feed as rows ready to send: each breach event's CloudEvent with the parties it concerns and
 * its severity, looked up from earlier events where the event itself does not carry them (a vacated
 * breach, a fulfilled measure). Rows are in log order; SSE and webhooks read them after a position.
 */
export const breachFeedProjection = (origin: string): Projection<IncidentEvent | CommitmentEvent> => ({
  name: 'breach_feed',
  version: 2,
  handles: BREACH_EVENT_TYPES,
  setup: ({ db, table }) =>
    db.exec(`
      CREATE TABLE ${table('entries')} (position TEXT PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, event_type TEXT NOT NULL,
        agreement TEXT, parties TEXT NOT NULL, severity INTEGER, cloud_event TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE ${table('breaches')} (incident TEXT NOT NULL, finding_id TEXT NOT NULL, parties TEXT NOT NULL,
        severity TEXT NOT NULL, PRIMARY KEY (incident, finding_id)) WITHOUT ROWID;
      CREATE TABLE ${table('measures')} (incident TEXT NOT NULL, measure_id TEXT NOT NULL, party TEXT NOT NULL,
        PRIMARY KEY (incident, measure_id)) WITHOUT ROWID;`),
  apply: (event, tx) => {
    const facts = factsOf(event, tx);
    const cloudEvent = toCloudEvent(event, origin, facts);
    tx.db
      .prepare(`INSERT INTO ${tx.table('entries')} VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(
        event.position,
        event.eventId,
        event.type,
        event.data.agreementId,
        `,${facts.parties.join(',')},`,
        severityRank(facts.severity),
        JSON.stringify(cloudEvent),
      );
  },
});

const factsOf = (event: RecordedEventOf<IncidentEvent | CommitmentEvent>, { db, table }: ProjectionTx): Facts => {
  switch (event.type) {
    case 'BreachConfirmed':
    case 'BreachAmended': {
      const { incidentId, findingId, parties, severity } = event.data;
      db.prepare(`INSERT OR REPLACE INTO ${table('breaches')} VALUES (?, ?, ?, ?)`).run(
        incidentId,
        findingId,
        parties.join(','),
        severity,
      );
      return { parties, severity };
    }
    case 'BreachVacated': {
      const breach = db
        .prepare(`SELECT parties, severity FROM ${table('breaches')} WHERE incident = ? AND finding_id = ?`)
        .get(event.data.incidentId, event.data.findingId) as { parties: string; severity: string } | undefined;
      return { parties: breach?.parties.split(',').filter(Boolean) ?? [], severity: breach?.severity };
    }
    case 'MeasureRecorded': {
      const { incidentId, measureId, party } = event.data;
      db.prepare(`INSERT OR REPLACE INTO ${table('measures')} VALUES (?, ?, ?)`).run(incidentId, measureId, party);
      return { parties: [party] };
    }
    case 'MeasureFulfilled': {
      const measure = db
        .prepare(`SELECT party FROM ${table('measures')} WHERE incident = ? AND measure_id = ?`)
        .get(event.data.incidentId, event.data.measureId) as { party: string } | undefined;
      return { parties: measure ? [measure.party] : [] };
    }
    case 'MeasureLifted':
    case 'MeasureLapsed':
      return { parties: [event.data.party] };
    case 'AccessDenied':
      return { parties: [event.data.deniedBy] };
    case 'CommitmentDeadlineMissed':
      return { parties: [event.data.obligor] };
    default:
      return { parties: [] };
  }
};
