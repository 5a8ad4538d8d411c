import { Controller, Get, Inject, NotFoundException, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IncidentCase } from '@ceasefire/mvm';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { AgreementIdParams } from '../agreements/agreement-id.params';
import { AgreementDirectory } from '../agreements/agreement-directory';
import { Public } from '../auth/public.decorator';
import { caseRow, caseRows } from '../incidents/incident-case.queries';
import { IncidentIdParams } from '../incidents/incident-id.params';
import { isPublic, publicCase } from './public-case';

/** Readable without a token: cases a mediator published, curated; the log's checkpoint and key are public too. */
@ApiTags('public record')
@Public()
@Controller('v1/public')
export class PublicRecordHttpController {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    private readonly agreements: AgreementDirectory,
  ) {}

  @Get('agreements/:id/compliance-statements')
  @ApiOperation({ summary: "An agreement's published compliance statements, in order." })
  async statements(@Param() { id }: AgreementIdParams) {
    const state = await this.agreements.state(id);
    if (state.status === 'NONE') throw new NotFoundException(`no agreement ${id}`);
    return { agreementId: id, title: state.title, statements: state.statements.map(({ publishedBy: _, ...s }) => s) };
  }

  @Get('agreements/:id/cases')
  @ApiOperation({ summary: "An agreement's published cases: coarsened locations, adopted findings, no sources." })
  list(@Param() { id }: AgreementIdParams) {
    const cases = caseRows(this.runner, id, { limit: 1000 })
      .map((row) => JSON.parse(row.state) as IncidentCase)
      .filter(isPublic);
    return { cases: cases.map(publicCase) };
  }

  @Get('cases/:id')
  @ApiOperation({ summary: 'One published case, curated.' })
  get(@Param() { id }: IncidentIdParams) {
    const row = caseRow(this.runner, id);
    const found = row && (JSON.parse(row.state) as IncidentCase);
    if (!found || !isPublic(found)) throw new NotFoundException(`no published case ${id}`);
    return publicCase(found);
  }
}
