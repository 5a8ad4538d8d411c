import { Inject, NotFoundException } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { IncidentCase } from '@ceasefire/mvm';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';

export interface CaseFile extends IncidentCase {
  revision: number;
  position: string;
}

export class GetIncidentQuery extends Query<CaseFile> {
  constructor(
    readonly incidentId: string,
    readonly minPosition?: string,
  ) {
    super();
  }
}

export interface IncidentFilter {
  status?: string;
  party?: string;
  category?: string;
  from?: string;
  to?: string;
  limit: number;
}

export class ListIncidentsQuery extends Query<{ incidents: CaseFile[] }> {
  constructor(
    readonly agreementId: string,
    readonly filter: IncidentFilter,
    readonly minPosition?: string,
  ) {
    super();
  }
}

const toCaseFile = (row: { state: string; revision: number; position: string }): CaseFile => ({
  ...(JSON.parse(row.state) as IncidentCase),
  revision: row.revision,
  position: row.position,
});

@QueryHandler(GetIncidentQuery)
export class GetIncidentHandler implements IQueryHandler<GetIncidentQuery> {
  constructor(@Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner) {}

  async execute({ incidentId, minPosition }: GetIncidentQuery): Promise<CaseFile> {
    if (minPosition) await this.runner.waitFor(minPosition, { projections: ['incident_cases'] });
    const row = this.runner.db
      .prepare(
        `SELECT state, revision, position FROM ${this.runner.table('incident_cases', 'cases')} WHERE incident_id = ?`,
      )
      .get(incidentId) as { state: string; revision: number; position: string } | undefined;
    if (!row) throw new NotFoundException(`no incident ${incidentId}`);
    return toCaseFile(row);
  }
}

@QueryHandler(ListIncidentsQuery)
export class ListIncidentsHandler implements IQueryHandler<ListIncidentsQuery> {
  constructor(@Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner) {}

  async execute({ agreementId, filter, minPosition }: ListIncidentsQuery): Promise<{ incidents: CaseFile[] }> {
    if (minPosition) await this.runner.waitFor(minPosition, { projections: ['incident_cases'] });
    const clauses: [string, (string | number)[]][] = [['agreement_id = ?', [agreementId]]];
    if (filter.status) clauses.push(['status = ?', [filter.status]]);
    if (filter.category) clauses.push(['category = ?', [filter.category]]);
    if (filter.party) clauses.push(['(alleged_perpetrator = ? OR reporter_party = ?)', [filter.party, filter.party]]);
    if (filter.from) clauses.push(['occurred_at >= ?', [filter.from]]);
    if (filter.to) clauses.push(['occurred_at <= ?', [filter.to]]);
    const where = clauses.map(([sql]) => sql);
    const params = clauses.flatMap(([, values]) => values);
    const rows = this.runner.db
      .prepare(
        `SELECT state, revision, position FROM ${this.runner.table('incident_cases', 'cases')} WHERE ${where.join(' AND ')} ORDER BY occurred_at, incident_id LIMIT ?`,
      )
      .all(...params, filter.limit) as { state: string; revision: number; position: string }[];
    return { incidents: rows.map(toCaseFile) };
  }
}
