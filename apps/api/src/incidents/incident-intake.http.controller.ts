import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { RESPONSE_KINDS, type ResponseKind, TRIAGE_DECISIONS, type TriageDecision } from '@ceasefire/mvm';
import type { FastifyReply } from 'fastify';
import { LOCAL_ID, SHA256_HEX, UUID } from '../shared/validation';
import { Write, type WriteContext } from '../write-path/write-context';
import { writeResponse } from '../write-path/write-response';
import { IncidentIdParams } from './incident-id.params';
import { type IncidentCommandInput, WriteIncident } from './write-incident.command';

export class RegisterEvidenceRequestDto {
  @ApiProperty({ example: 'e1' })
  @Matches(LOCAL_ID, { message: 'evidenceId must be 1–64 letters, digits, ".", "_" or "-"' })
  evidenceId: string;
  @ApiProperty({
    description: 'Lower-case hex SHA-256 of the evidence file; the file itself stays with its custodian.',
  })
  @Matches(SHA256_HEX, { message: 'sha256 must be 64 lower-case hex digits' })
  sha256: string;
  @ApiProperty({ example: 'image/jpeg' })
  @Matches(/^[a-z]+\/[a-z0-9.+-]{1,100}$/, { message: 'mediaType must be a media type like image/jpeg' })
  mediaType: string;
  @ApiProperty({ example: 'PK liaison office' }) @IsString() @Length(1, 300) custodian: string;
  @ApiProperty() @IsString() @Length(1, 4000) description: string;
}

export class TriageRequestDto {
  @ApiProperty({ enum: TRIAGE_DECISIONS }) @IsIn(TRIAGE_DECISIONS) decision: TriageDecision;
  @ApiPropertyOptional({ description: 'The original incident, for DUPLICATE.' })
  @IsOptional()
  @Matches(UUID, { message: 'duplicateOf must be an incident id' })
  duplicateOf?: string;
  @ApiProperty() @IsString() @Length(1, 4000) reason: string;
}

export class RespondRequestDto {
  @ApiProperty({ enum: RESPONSE_KINDS }) @IsIn(RESPONSE_KINDS) response: ResponseKind;
  @ApiProperty() @IsString() @Length(1, 10_000) statement: string;
}

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('v1/incidents/:id')
export class IncidentIntakeHttpController {
  constructor(private readonly commands: CommandBus) {}

  private async write(id: string, input: IncidentCommandInput, context: WriteContext, reply: FastifyReply) {
    return writeResponse(
      reply,
      await this.commands.execute(new WriteIncident({ incidentId: id, input: input, context: context })),
    );
  }

  @Post('evidence')
  @HttpCode(201)
  @ApiOperation({ summary: 'Register evidence by its SHA-256 hash (parties, monitors, mediators).' })
  evidence(
    @Param() { id }: IncidentIdParams,
    @Body() b: RegisterEvidenceRequestDto,
    @Write() c: WriteContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.write(
      id,
      {
        type: 'RegisterEvidence',
        evidenceId: b.evidenceId,
        sha256: b.sha256,
        mediaType: b.mediaType,
        custodian: b.custodian,
        description: b.description,
      },
      c,
      r,
    );
  }

  @Post('triage')
  @HttpCode(201)
  @ApiOperation({ summary: 'Triage the allegation: admissible, inadmissible or duplicate (monitors, mediators).' })
  triage(
    @Param() { id }: IncidentIdParams,
    @Body() b: TriageRequestDto,
    @Write() c: WriteContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.write(
      id,
      { type: 'TriageIncident', decision: b.decision, duplicateOf: b.duplicateOf ?? null, reason: b.reason },
      c,
      r,
    );
  }

  @Post('responses')
  @HttpCode(201)
  @ApiOperation({ summary: 'The accused party answers: acknowledge, deny or counter-claim.' })
  respond(
    @Param() { id }: IncidentIdParams,
    @Body() b: RespondRequestDto,
    @Write() c: WriteContext,
    @Res({ passthrough: true }) r: FastifyReply,
  ) {
    return this.write(id, { type: 'RespondToAllegation', response: b.response, statement: b.statement }, c, r);
  }
}
