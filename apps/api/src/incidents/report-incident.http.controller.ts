import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
  IsObject,
} from 'class-validator';
import { INCIDENT_CATEGORIES, type IncidentCategory, TIME_PRECISIONS, type TimePrecision } from '@ceasefire/mvm';
import type { FastifyReply } from 'fastify';
import { AgreementIdParams } from '../agreements/agreement-id.params';
import { deterministicUuid } from '../shared/deterministic-id';
import { timeOrderedUuid } from '../shared/time-ordered-id';
import { IsUtcTimestamp, LOCAL_ID, utc } from '../shared/validation';
import { Write, type WriteContext } from '../write-path/write-context';
import { writeResponse } from '../write-path/write-response';
import { WriteIncident } from './write-incident.command';

export class LocationDto {
  @ApiProperty({ example: 34.07 }) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-90) @Max(90) lat: number;
  @ApiProperty({ example: 71.1 }) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-180) @Max(180) lon: number;
  @ApiProperty({ example: 5, description: 'Radius of uncertainty in km.' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1000)
  precisionKm: number;
  @ApiProperty({ example: 'Torkham crossing' }) @IsString() @Length(1, 300) place: string;
}

export class CasualtiesDto {
  @ApiProperty() @IsInt() @Min(0) @Max(1_000_000) low: number;
  @ApiProperty() @IsInt() @Min(0) @Max(1_000_000) best: number;
  @ApiProperty() @IsInt() @Min(0) @Max(1_000_000) high: number;
}

export class ReportIncidentRequestDto {
  @ApiProperty({ example: '2025-10-31T22:40:00Z' }) @IsUtcTimestamp() occurredAt: string;
  @ApiProperty({ enum: TIME_PRECISIONS }) @IsIn(TIME_PRECISIONS) occurredAtPrecision: TimePrecision;
  @ApiProperty({ type: LocationDto }) @IsObject() @ValidateNested() @Type(() => LocationDto) location: LocationDto;
  @ApiProperty({ enum: INCIDENT_CATEGORIES }) @IsIn(INCIDENT_CATEGORIES) category: IncidentCategory;
  @ApiProperty({ example: 'AF', description: 'A party code, or UNKNOWN.' })
  @Matches(/^([A-Z]{2,8}|UNKNOWN)$/, { message: 'allegedPerpetrator must be a party code or UNKNOWN' })
  allegedPerpetrator: string;
  @ApiProperty({ example: ['P2'] })
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(LOCAL_ID, { each: true, message: 'each cited provision must be a provision id' })
  provisionsCited: string[];
  @ApiProperty({ type: CasualtiesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CasualtiesDto)
  casualties: CasualtiesDto;
  @ApiProperty() @IsString() @Length(1, 10_000) description: string;
  @ApiPropertyOptional({ description: 'For a monitor recording a public report: who said it, where.' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  source?: string;
}

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('v1/agreements/:id/incidents')
export class ReportIncidentHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
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
