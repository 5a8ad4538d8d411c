import { Inject, NotFoundException } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { IncidentCase } from '@ceasefire/mvm';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { type CaseRow, caseRow, caseRows, type IncidentFilter } from './incident-case.queries';

export type { IncidentFilter };

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

export class ListIncidentsQuery extends Query<{ incidents: CaseFile[] }> {
  constructor(
    readonly agreementId: string,
    readonly filter: IncidentFilter,
    readonly minPosition?: string,
  ) {
    super();
  }
}

const toCaseFile = (row: CaseRow): CaseFile => ({
  ...(JSON.parse(row.state) as IncidentCase),
  revision: row.revision,
  position: row.position,
});

@QueryHandler(GetIncidentQuery)
export class GetIncidentHandler implements IQueryHandler<GetIncidentQuery> {
  constructor(@Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner) {}

  async execute({ incidentId, minPosition }: GetIncidentQuery): Promise<CaseFile> {
    if (minPosition) await this.runner.waitFor(minPosition, { projections: ['incident_cases'] });
    const row = caseRow(this.runner, incidentId);
    if (!row) throw new NotFoundException(`no incident ${incidentId}`);
    return toCaseFile(row);
  }
}

@QueryHandler(ListIncidentsQuery)
export class ListIncidentsHandler implements IQueryHandler<ListIncidentsQuery> {
  constructor(@Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner) {}

  async execute({ agreementId, filter, minPosition }: ListIncidentsQuery): Promise<{ incidents: CaseFile[] }> {
    if (minPosition) await this.runner.waitFor(minPosition, { projections: ['incident_cases'] });
    const rows = caseRows(this.runner, agreementId, filter);
    return { incidents: rows.map(toCaseFile) };
  }
}
