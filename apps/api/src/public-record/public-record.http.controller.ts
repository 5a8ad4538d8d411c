import { Controller, Get, Inject, NotFoundException, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IncidentCase } from '@ceasefire/mvm';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { AgreementIdParams } from '../agreements/agreement-id.params';
import { AgreementDirectory } from '../agreements/agreement-directory';
import { Public } from '../auth/public.decorator';
import { caseRow, caseRows } from '../incidents/incident-case.queries';
import { IncidentIdParams } from '../incidents/incident-id.params';
import { isPublic, publicCase } from './public-case';
import { Replies } from '../http/contract/replies.decorator';
import { answerPage, decodeCursorPair } from '../http/pagination';
import { PageRequestDto } from '../http/page-request.dto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PublicCase, PublicCasePage, PublicComplianceStatements } from './public-record.response.schema';

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
  @Replies.json(PublicComplianceStatements, 'The published statements.')
  @ApiOperation({
    operationId: 'listPublicComplianceStatements',
    summary: "An agreement's published compliance statements, in order.",
  })
  async statements(@Param() { id }: AgreementIdParams) {
    const state = await this.agreements.state(id);
    if (state.status === 'NONE') throw new NotFoundException(`no agreement ${id}`);
    return { agreementId: id, title: state.title, statements: state.statements.map(({ publishedBy: _, ...s }) => s) };
  }

  @Get('agreements/:id/cases')
  @Replies.json(PublicCasePage, 'A page of the public record.', { headers: ['Link'] })
  @ApiOperation({
    operationId: 'listPublicCases',
    summary: "An agreement's published cases: coarsened locations, adopted findings, no sources.",
  })
  async list(
    @Param() { id }: AgreementIdParams,
    @Query() q: PageRequestDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (q.minPosition) await this.runner.waitFor(q.minPosition, { projections: ['incident_cases'] });
    const limit = q.limit ?? 100;
    const after = decodeCursorPair(q.cursor);
    const rows = caseRows(this.runner, id, {
      limit,
      after: after && { occurredAt: after[0], incidentId: after[1] },
    });
    // The next page starts after the last case read, published or not: a page may hold fewer than limit.
    const page = answerPage(request, reply, rows, limit, (r) => `${r.occurred_at}\n${r.incident_id}`);
    const cases = page.items.map((row) => JSON.parse(row.state) as IncidentCase).filter(isPublic);
    return { cases: cases.map(publicCase), next: page.next };
  }

  @Get('cases/:id')
  @Replies.json(PublicCase, 'The public record of the case.')
  @ApiOperation({
    operationId: 'getPublicCase',
    summary: 'One published case, curated.',
  })
  get(@Param() { id }: IncidentIdParams) {
    const row = caseRow(this.runner, id);
    const found = row && (JSON.parse(row.state) as IncidentCase);
    if (!found || !isPublic(found)) throw new NotFoundException(`no published case ${id}`);
    return publicCase(found);
  }
}
