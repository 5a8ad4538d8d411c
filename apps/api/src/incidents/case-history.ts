import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type RecordedEvent, StreamNotFound } from '@ceasefire/event-store';
import {
  type Actor,
  evolveIncident,
  type IncidentEvent,
  type IncidentState,
  incidentStream,
  mayRead,
  mayReadCaseEvent,
} from '@ceasefire/mvm';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { AgreementDirectory } from '../agreements/agreement-directory';
import { SUBJECT_KEYS, type SubjectKeyStore } from '../confidential/subject-key.store';
import { caughtUpWithLog } from '../shared/caught-up-with-log';
import { READ_LANE, type ReadLane } from '../shared/read-lane';
import { asDomainEvent } from '../write-path/folded-streams';
import { presentCase } from './case-view';
import { CASE_SNAPSHOT_EVERY } from './incident-case.projection';
import { caseRow, caseSnapshotAtOrBefore } from './incident-case.queries';
import { type JsonChange, jsonChanges } from './json-changes';

export const HISTORY_MAX_PAGE = 200;
/** A page stops early past this many bytes of JSON (after its first step), and says where to go on. */
const HISTORY_MAX_PAGE_BYTES = 1 << 20;

export interface HistoryStep {
  position: string;
  revision: number;
  eventId: string;
  type: string;
  recordedAt: string;
  principal: string | null;
  submission: unknown;
  data: unknown;
  hash: string;
  prevHash: string;
}

export interface HistoryPage {
  incidentId: string;
  atPosition: string | null;
  events: (HistoryStep & { changes: JsonChange[] })[];
  /** Pass as ?after= for the next page; null on the last. */
  next: number | null;
}

type Cut = { revision: number } | { position: string };
interface Stood {
  state: IncidentState;
  /** Revision of the last event folded; -1 before the first. */
  revision: number;
}

/**
 * A case's history in pages, from the nearest snapshot of its state and the events after it: a page
 * costs its own steps plus at most CASE_SNAPSHOT_EVERY events, whatever the case's length. Each step
 * carries the changes it made to the case as this reader may see it; one chosen step carries the whole state.
 */
@Injectable()
export class CaseHistory {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_LANE) private readonly lane: ReadLane,
    @Inject(SUBJECT_KEYS) private readonly keys: SubjectKeyStore,
    private readonly agreements: AgreementDirectory,
  ) {}

  async page(
    reader: Actor,
    incidentId: string,
    q: { after?: number; limit: number; atPosition?: string },
  ): Promise<HistoryPage> {
    this.lane.admit();
    const { tip, parties } = await this.visibleTip(reader, incidentId, q.atPosition);
    const after = q.after ?? -1;
    return this.lane.run(async () => {
      const base = after >= 0 ? await this.stateAt(incidentId, { revision: Math.min(after, tip.revision) }) : null;
      let state = base?.state ?? ({ status: 'NONE' } as IncidentState);
      let shown: unknown = state.status === 'NONE' ? null : presentCase(reader, state, parties, this.keys);
      const events: HistoryPage['events'] = [];
      let bytes = 0;
      let next: number | null = null;
      const wanted = Math.min(q.limit, tip.revision - after);
      for (const e of wanted > 0 ? await this.read(incidentId, after + 1, wanted) : []) {
        state = evolveIncident(state, asDomainEvent<IncidentEvent>(e));
        if (state.status === 'NONE') continue;
        const now = presentCase(reader, state, parties, this.keys);
        if (mayReadCaseEvent(reader, asDomainEvent<IncidentEvent>(e), state.level, parties)) {
          const step = { ...stepOf(e), changes: jsonChanges(shown, now) };
          bytes += JSON.stringify(step).length;
          events.push(step);
        }
        shown = now;
        next = e.revision < tip.revision ? e.revision : null;
        if (bytes > HISTORY_MAX_PAGE_BYTES) break;
      }
      return { incidentId, atPosition: q.atPosition ?? null, events, next };
    });
  }

  /** One step with the whole case, as this reader may see it, right after it. */
  async step(reader: Actor, incidentId: string, revision: number): Promise<HistoryStep & { stateAfter: unknown }> {
    const { tip, parties } = await this.visibleTip(reader, incidentId);
    const missing = () => new NotFoundException(`incident ${incidentId} has no step ${revision}`);
    if (revision > tip.revision) throw missing();
    return this.lane.run(async () => {
      const [e] = await this.read(incidentId, revision, 1);
      const before = revision > 0 ? (await this.stateAt(incidentId, { revision: revision - 1 })).state : undefined;
      const state = evolveIncident(before ?? ({ status: 'NONE' } as IncidentState), asDomainEvent<IncidentEvent>(e));
      if (state.status === 'NONE' || !mayReadCaseEvent(reader, asDomainEvent<IncidentEvent>(e), state.level, parties))
        throw missing();
      return { ...stepOf(e), stateAfter: presentCase(reader, state, parties, this.keys) };
    });
  }

  /** The case as it stands (or stood at the cut), which decides what the reader may see of its history. */
  private async visibleTip(reader: Actor, incidentId: string, atPosition?: string) {
    await caughtUpWithLog(this.store, this.runner, ['incident_cases'], atPosition);
    const tip = atPosition
      ? await this.lane.run(() => this.stateAt(incidentId, { position: atPosition }))
      : this.latest(incidentId);
    if (!tip && !atPosition) throw new NotFoundException(`no incident ${incidentId}`);
    if (!tip || tip.state.status === 'NONE')
      return { tip: { state: tip?.state ?? { status: 'NONE' }, revision: -1 }, parties: [] };
    const agreement = await this.agreements.state(tip.state.agreementId);
    const parties = agreement.status === 'NONE' ? [] : agreement.parties.map((p) => p.code);
    if (!mayRead(reader, tip.state.level, parties)) throw new NotFoundException(`no incident ${incidentId}`);
    return { tip, parties };
  }

  private latest(incidentId: string): Stood | undefined {
    const row = caseRow(this.runner, incidentId);
    return row && { state: JSON.parse(row.state) as IncidentState, revision: row.revision };
  }

  /** The state after a revision, or after the last event at or before a position: nearest snapshot, then the events after it. */
  private async stateAt(incidentId: string, cut: Cut): Promise<Stood> {
    const snapshot = caseSnapshotAtOrBefore(this.runner, incidentId, cut);
    let stood: Stood = snapshot
      ? { state: JSON.parse(snapshot.state) as IncidentState, revision: snapshot.revision }
      : { state: { status: 'NONE' } as IncidentState, revision: -1 };
    // Up to the revision asked for; for a position, at most up to the next snapshot, which lies beyond it.
    const count = 'revision' in cut ? cut.revision - stood.revision : CASE_SNAPSHOT_EVERY;
    for (const e of count > 0 ? await this.read(incidentId, stood.revision + 1, count) : []) {
      if ('revision' in cut ? e.revision > cut.revision : e.position > cut.position) break;
      stood = { state: evolveIncident(stood.state, asDomainEvent<IncidentEvent>(e)), revision: e.revision };
    }
    return stood;
  }

  private async read(incidentId: string, from: number, maxCount: number): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      for await (const e of this.store.readStream(incidentStream(incidentId), { from, maxCount })) events.push(e);
    } catch (error) {
      if (!(error instanceof StreamNotFound)) throw error;
    }
    return events;
  }
}

const stepOf = (e: RecordedEvent): HistoryStep => ({
  position: e.position,
  revision: e.revision,
  eventId: e.eventId,
  type: e.type,
  recordedAt: e.recordedAt,
  principal: e.metadata.principal ?? null,
  submission: e.metadata.submission ?? null,
  data: e.data,
  hash: e.hash,
  prevHash: e.prevHash,
});
