import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { CreatedResource } from '../http/created-location';
import { sealNew } from '../confidential/sealing';
import { SUBJECT_KEYS, type SubjectKeyStore } from '../confidential/subject-key.store';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AgreementIdParams } from '../agreements/agreement-id.params';
import { deterministicUuid } from '../shared/deterministic-id';
import { timeOrderedUuid } from '../shared/time-ordered-id';
import { utc } from '../shared/validation';
import { Write, type WriteContext } from '../write-path/write-context';
import { writeResponse } from '../write-path/write-response';
import { WriteIncident } from './write-incident.command';
import { ReportIncidentRequestDto } from './report-incident.request.dto';
import { Replies } from '../http/contract/replies.decorator';
import { CreatedReceipt } from '../http/contract/write-receipt.schema';

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('v1/agreements/:id/incidents')
export class ReportIncidentHttpController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(SUBJECT_KEYS) private readonly keys: SubjectKeyStore,
  ) {}

  @Post()
  @HttpCode(201)
  @CreatedResource((b) => `/v1/incidents/${b.id}`)
  @Replies.write('The case, opened: its id and the event recorded.', { body: CreatedReceipt })
  @ApiOperation({
    operationId: 'reportIncident',
    summary:
      'Report an incident (an allegation, not a finding). Parties report as themselves; monitors may record public sources.',
  })
  async report(
    @Param() { id: agreementId }: AgreementIdParams,
    @Body() body: ReportIncidentRequestDto,
    @Write() context: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const id = context.idempotencyKey ? deterministicUuid(context.idempotencyKey, 'incident') : timeOrderedUuid();
    const { location, casualties, provisionsCited } = body;
    const result = await this.commands.execute(
      new WriteIncident({
        incidentId: id,
        input: {
          type: 'ReportIncident',
          source: body.source ?? null,
          ...(body.reporterContact
            ? { reporterContact: sealNew(this.keys, 'reporter-contact', body.reporterContact) }
            : {}),
          occurredAt: utc(body.occurredAt),
          occurredAtPrecision: body.occurredAtPrecision,
          location: { lat: location.lat, lon: location.lon, precisionKm: location.precisionKm, place: location.place },
          category: body.category,
          allegedPerpetrator: body.allegedPerpetrator,
          provisionsCited: [...provisionsCited],
          casualties: { low: casualties.low, best: casualties.best, high: casualties.high },
          description: body.description,
        },
        context,
        agreementId,
        // A time-ordered id was just made, so the stream cannot exist; a key's deterministic id may.
        freshStream: !context.idempotencyKey,
      }),
    );
    return writeResponse(reply, result, { id });
  }
}
