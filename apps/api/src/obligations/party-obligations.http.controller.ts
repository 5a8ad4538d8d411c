import { Controller, ForbiddenException, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, mayRead } from '@ceasefire/mvm';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { CurrentActor } from '../auth/current-actor.decorator';
import { openCommitmentsOf } from '../commitments/commitment.queries';
import { Replies } from '../http/contract/replies.decorator';
import { caseObligationsOf } from '../incidents/incident-case.queries';
import { PartyParams } from '../submissions/party-keys.request.dto';
import { PartyObligationsRequestDto } from './party-obligations.request.dto';
import { PartyObligations } from './party-obligations.response.schema';

/** Each list stops at this many; `truncated` says so. */
const MAX_ITEMS = 500;

const MECHANISM = new Set(['monitor', 'mediator', 'auditor', 'admin']);

@ApiTags('parties')
@ApiBearerAuth()
@Controller('v1/parties/:code/obligations')
export class PartyObligationsHttpController {
  constructor(@Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner) {}

  @Get()
  @Replies.json(PartyObligations, 'What the party owes now, soonest due first.')
  @ApiOperation({
    operationId: 'getPartyObligations',
    summary:
      "A party's open obligations: allegations to answer, consequences to carry out, commitments to meet (the party itself and the mechanism).",
  })
  async get(@Param() { code }: PartyParams, @Query() q: PartyObligationsRequestDto, @CurrentActor() reader: Actor) {
    const own = reader.role === 'party' && reader.party === code;
    if (!own && !MECHANISM.has(reader.role))
      throw new ForbiddenException(`only party ${code} and the mechanism read its obligations`);
    if (q.minPosition) await this.runner.waitFor(q.minPosition, { projections: ['incident_cases', 'commitments'] });
    const inScope = (agreementId: string) =>
      (!q.agreement || agreementId === q.agreement) && (!reader.agreements || reader.agreements.includes(agreementId));
    const owed = caseObligationsOf(this.runner, code, MAX_ITEMS + 1);
    const commitments = openCommitmentsOf(this.runner, code, MAX_ITEMS + 1);
    const visible = owed
      .slice(0, MAX_ITEMS)
      .filter((o) => inScope(o.agreementId) && mayRead(reader, o.caseLevel, [code]));
    const caseRef = (o: { incidentId: string; agreementId: string }) => ({
      incidentId: o.incidentId,
      agreementId: o.agreementId,
      href: `/v1/incidents/${o.incidentId}`,
    });
    return {
      party: code,
      responsesDue: visible.flatMap((o) =>
        o.kind === 'RESPONSE' ? [{ ...caseRef(o), dueAt: o.dueAt, missed: o.missed }] : [],
      ),
      measures: visible.flatMap((o) =>
        o.kind === 'MEASURE' ? [{ ...caseRef(o), measureId: o.measureId, level: o.level, dueAt: o.dueAt }] : [],
      ),
      commitments: commitments
        .slice(0, MAX_ITEMS)
        .filter((c) => inScope(c.agreementId))
        .map((c) => ({
          commitmentId: c.commitmentId,
          agreementId: c.agreementId,
          href: `/v1/commitments/${c.commitmentId}`,
          title: c.title,
          status: c.status,
          target: c.target,
          acceptedTotal: c.acceptedTotal,
          unit: c.unit,
          dueAt: c.dueAt,
        })),
      truncated: owed.length > MAX_ITEMS || commitments.length > MAX_ITEMS,
    };
  }
}
