import type { RecordedEvent } from '@ceasefire/event-store';
import { BREACH_EVENT_TYPES } from '@ceasefire/mvm';
import type { Projection, ProjectionTx } from '@ceasefire/projections';
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
export const breachFeedProjection = (origin: string): Projection => ({
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
        (event.data as { agreementId?: string }).agreementId ?? null,
        `,${facts.parties.join(',')},`,
        severityRank(facts.severity),
        JSON.stringify(cloudEvent),
      );
  },
});

const factsOf = (event: RecordedEvent, { db, table }: ProjectionTx): Facts => {
  const d = event.data as Record<string, unknown>;
  const incident = d.incidentId as string;
  switch (event.type) {
    case 'BreachConfirmed':
    case 'BreachAmended': {
      const parties = d.parties as string[];
      db.prepare(`INSERT OR REPLACE INTO ${table('breaches')} VALUES (?, ?, ?, ?)`).run(
        incident,
        d.findingId,
        parties.join(','),
        d.severity,
      );
      return { parties, severity: d.severity as string };
    }
    case 'BreachVacated': {
      const breach = db
        .prepare(`SELECT parties, severity FROM ${table('breaches')} WHERE incident = ? AND finding_id = ?`)
        .get(incident, d.findingId) as { parties: string; severity: string } | undefined;
      return { parties: breach?.parties.split(',').filter(Boolean) ?? [], severity: breach?.severity };
    }
    case 'MeasureRecorded':
      db.prepare(`INSERT OR REPLACE INTO ${table('measures')} VALUES (?, ?, ?)`).run(incident, d.measureId, d.party);
      return { parties: [d.party as string] };
    case 'MeasureFulfilled': {
      const measure = db
        .prepare(`SELECT party FROM ${table('measures')} WHERE incident = ? AND measure_id = ?`)
        .get(incident, d.measureId) as { party: string } | undefined;
      return { parties: measure ? [measure.party] : [] };
    }
    case 'AccessDenied':
      return { parties: [d.deniedBy as string] };
    case 'CommitmentDeadlineMissed':
      return { parties: [d.obligor as string] };
    default:
      return { parties: [] };
  }
};
