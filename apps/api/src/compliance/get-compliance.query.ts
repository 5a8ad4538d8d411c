import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { notFound } from '@ceasefire/decider';
import { EVENT_STORE, type EventStore } from '@ceasefire/event-store';
import {
  type Actor,
  addDays,
  type ComplianceCut,
  type ComplianceReport,
  complianceReport,
  type ComplianceState,
  mayRead,
} from '@ceasefire/mvm';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { caughtUpWithLog } from '../shared/caught-up-with-log';
import {
  agreementKnown,
  compliancePositionOf,
  complianceStateAt,
  complianceStateOf,
  positionRecordedBy,
} from './compliance.projection';

export type ComplianceAnswer = ComplianceReport & { source: 'live' | 'versions'; position: string | null };

/** The moment a report is evaluated at, and the period of valid time it counts, if any. */
const reportCut = (at: string, cut: GetComplianceQuery['cut']): ComplianceCut => {
  if (cut.period) return { asOf: cut.period.to, period: cut.period };
  if (cut.windowDays) return { asOf: at, period: { from: addDays(at, -cut.windowDays), to: at } };
  return { asOf: at };
};

/** Live from the projection, or as it stood at a time or a position, from the projection's versioned rows. */
export class GetComplianceQuery extends Query<ComplianceAnswer> {
  constructor(
    readonly agreementId: string,
    /** Who asks: an agreement's compliance is its parties' and the mechanism's to read, as its record is. */
    readonly reader: Actor,
    readonly cut: {
      asOf?: string;
      atPosition?: string;
      minPosition?: string;
      /** Valid time: count what occurred in [from, to). */
      period?: { from: string; to: string };
      windowDays?: number;
    },
  ) {
    super();
  }
}

@QueryHandler(GetComplianceQuery)
export class GetComplianceHandler implements IQueryHandler<GetComplianceQuery> {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ agreementId, reader, cut }: GetComplianceQuery): Promise<ComplianceAnswer> {
    if (cut.minPosition) await this.runner.waitFor(cut.minPosition, { projections: ['compliance'] });
    const db = this.runner.db;
    const table = (name: string) => this.runner.table('compliance', name);
    // Another agreement's party, or an observer, learns no more than of an agreement that does not exist.
    const readable = (state: ComplianceState) =>
      mayRead(
        reader,
        'PARTIES',
        state.parties.map((p) => p.code),
      );
    if (cut.asOf || cut.atPosition) {
      // The past is complete once the read model has applied the log as it is now (or up to the cut).
      await caughtUpWithLog(this.store, this.runner, ['compliance'], cut.atPosition);
      return db.transaction(() => this.asItStood(db, table, agreementId, cut, readable))();
    }
    const state = db.transaction(() => complianceStateOf(db, table, agreementId))();
    if (!state || !readable(state)) throw notFound('AgreementNotFound', `no agreement ${agreementId}`);
    const position = compliancePositionOf(db, table, agreementId);
    return { ...complianceReport(state, reportCut(new Date().toISOString(), cut)), source: 'live', position };
  }

  /** From the agreement's own versioned rows: O(its changes up to the cut), never the log. */
  private asItStood(
    db: ProjectionRunner['db'],
    table: (name: string) => string,
    agreementId: string,
    cut: GetComplianceQuery['cut'],
    readable: (state: ComplianceState) => boolean,
  ): ComplianceAnswer {
    if (!agreementKnown(db, table, agreementId)) throw notFound('AgreementNotFound', `no agreement ${agreementId}`);
    const position = cut.atPosition ?? positionRecordedBy(db, table, cut.asOf!);
    const version = position === null ? undefined : complianceStateAt(db, table, agreementId, position);
    if (!version) throw notFound('AgreementNotFound', `no agreement ${agreementId} at that point of the record`);
    if (!readable(version.state)) throw notFound('AgreementNotFound', `no agreement ${agreementId}`);
    const asOf = cut.asOf ?? version.recordedAt;
    return { ...complianceReport(version.state, reportCut(asOf, cut)), source: 'versions', position: version.position };
  }
}
