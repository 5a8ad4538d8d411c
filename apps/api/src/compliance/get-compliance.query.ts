import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { notFound } from '@ceasefire/decider';
import { EVENT_STORE, type EventStore } from '@ceasefire/event-store';
import {
  type AgreementRecordEvent,
  addDays,
  type ComplianceCut,
  type ComplianceReport,
  complianceReport,
  evolveCompliance,
  initialComplianceState,
  COMPLIANCE_EVENT_TYPES,
} from '@ceasefire/mvm';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { compliancePositionOf, complianceStateOf } from './compliance.projection';

export type ComplianceAnswer = ComplianceReport & { source: 'live' | 'replay'; position: string | null };

/** The moment a report is evaluated at, and the period of valid time it counts, if any. */
const reportCut = (at: string, cut: GetComplianceQuery['cut']): ComplianceCut => {
  if (cut.period) return { asOf: cut.period.to, period: cut.period };
  if (cut.windowDays) return { asOf: at, period: { from: addDays(at, -cut.windowDays), to: at } };
  return { asOf: at };
};

/** Live from the projection, or — as of a time or a position — by replaying the same fold over the log. */
export class GetComplianceQuery extends Query<ComplianceAnswer> {
  constructor(
    readonly agreementId: string,
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

  async execute({ agreementId, cut }: GetComplianceQuery): Promise<ComplianceAnswer> {
    if (cut.asOf || cut.atPosition) return this.replay(agreementId, cut);
    if (cut.minPosition) await this.runner.waitFor(cut.minPosition, { projections: ['compliance'] });
    const table = (name: string) => this.runner.table('compliance', name);
    const state = this.runner.db.transaction(() => complianceStateOf(this.runner.db, table, agreementId))();
    if (!state) throw notFound('AgreementNotFound', `no agreement ${agreementId}`);
    const position = compliancePositionOf(this.runner.db, table, agreementId);
    return { ...complianceReport(state, reportCut(new Date().toISOString(), cut)), source: 'live', position };
  }

  private async replay(agreementId: string, cut: GetComplianceQuery['cut']): Promise<ComplianceAnswer> {
    let state = initialComplianceState();
    let position: string | null = null;
    let lastTime: string | null = null;
    for await (const e of this.store.readAll({ filter: { eventTypes: COMPLIANCE_EVENT_TYPES } })) {
      if (cut.atPosition && e.position > cut.atPosition) break;
      if (cut.asOf && e.recordedAt > cut.asOf) break;
      if ((e.data as { agreementId?: string }).agreementId !== agreementId) continue;
      state = evolveCompliance(state, { type: e.type, data: e.data } as AgreementRecordEvent);
      position = e.position;
      lastTime = e.recordedAt;
    }
    if (!state.agreementId)
      throw notFound('AgreementNotFound', `no agreement ${agreementId} at that point of the record`);
    const asOf = cut.asOf ?? lastTime ?? new Date().toISOString();
    return { ...complianceReport(state, reportCut(asOf, cut)), source: 'replay', position };
  }
}
