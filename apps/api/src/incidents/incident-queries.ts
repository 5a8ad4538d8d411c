import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Actor, IncidentCase } from '@ceasefire/mvm';
import { AgreementDirectory } from '../agreements/agreement-directory';
import { SUBJECT_KEYS, type SubjectKeyStore } from '../confidential/subject-key.store';
import { presentCase } from './case-view';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { encodeCursor } from '../http/pagination';
import { type CaseRow, caseRow, caseRows, type IncidentFilter } from './incident-case.queries';

export type { IncidentFilter };

export interface CaseFile extends IncidentCase {
  revision: number;
  position: string;
}

export class GetIncidentQuery extends Query<CaseFile> {
  constructor(
    readonly reader: Actor,
    readonly incidentId: string,
    readonly minPosition?: string,
  ) {
    super();
  }
}

export class ListIncidentsQuery extends Query<{ incidents: CaseFile[]; next: string | null }> {
  constructor(
    readonly reader: Actor,
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

/** What a reader may see of cases: the domain's view of each, witnesses opened for those cleared for them. */
@Injectable()
export class CaseReader {
  constructor(
    private readonly agreements: AgreementDirectory,
    @Inject(SUBJECT_KEYS) private readonly keys: SubjectKeyStore,
  ) {}

  async present(reader: Actor, file: CaseFile): Promise<CaseFile | null> {
    const agreement = await this.agreements.state(file.agreementId);
    const parties = agreement.status === 'NONE' ? [] : agreement.parties.map((p) => p.code);
    return presentCase(reader, file, parties, this.keys) as CaseFile | null;
  }
}

@QueryHandler(GetIncidentQuery)
export class GetIncidentHandler implements IQueryHandler<GetIncidentQuery> {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    private readonly cases: CaseReader,
  ) {}

  async execute({ reader, incidentId, minPosition }: GetIncidentQuery): Promise<CaseFile> {
    if (minPosition) await this.runner.waitFor(minPosition, { projections: ['incident_cases'] });
    const row = caseRow(this.runner, incidentId);
    // A case the reader may not see is answered as one that does not exist.
    const shown = row && (await this.cases.present(reader, toCaseFile(row)));
    if (!shown) throw new NotFoundException(`no incident ${incidentId}`);
    return shown;
  }
}

@QueryHandler(ListIncidentsQuery)
export class ListIncidentsHandler implements IQueryHandler<ListIncidentsQuery> {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    private readonly cases: CaseReader,
  ) {}

  async execute({
    reader,
    agreementId,
    filter,
    minPosition,
  }: ListIncidentsQuery): Promise<{ incidents: CaseFile[]; next: string | null }> {
    if (minPosition) await this.runner.waitFor(minPosition, { projections: ['incident_cases'] });
    const rows = caseRows(this.runner, agreementId, filter);
    const shown = await Promise.all(rows.map((row) => this.cases.present(reader, toCaseFile(row))));
    // The next page starts after the last case read, shown to this reader or not, so none is skipped or repeated.
    const last = rows.at(-1);
    const next = rows.length === filter.limit && last ? encodeCursor(`${last.occurred_at}\n${last.incident_id}`) : null;
    return { incidents: shown.filter((c): c is CaseFile => c !== null), next };
  }
}
