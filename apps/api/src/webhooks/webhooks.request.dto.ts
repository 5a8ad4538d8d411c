import { BREACH_EVENT_TYPES } from '@ceasefire/mvm';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { SEVERITIES } from '@ceasefire/mvm';
import { PARTY_CODE, POSITION, UUID } from '../shared/validation';
import { CursorPageDto } from '../http/page-request.dto';

const TYPE_NAMES = [...BREACH_EVENT_TYPES, ...BREACH_EVENT_TYPES.map((t) => `org.ceasefireledger.mvm.${t}`)];

export class WebhookFilterDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(UUID, { message: 'filter.agreement must be a lower-case UUID' })
  agreement?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(PARTY_CODE, { message: 'filter.party must be a party code like PK' })
  party?: string;
  @ApiPropertyOptional({ enum: SEVERITIES })
  @IsOptional()
  @IsIn(SEVERITIES, { message: `filter.minSeverity must be one of ${SEVERITIES.join(', ')}` })
  minSeverity?: string;
}

export class RegisterWebhookDto {
  @ApiProperty({ description: 'http(s) URL; private, loopback and link-local targets are refused.' })
  @IsString()
  @MaxLength(2048)
  url: string;

  @ApiPropertyOptional({ enum: BREACH_EVENT_TYPES, isArray: true, description: 'Breach event types; all when absent.' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BREACH_EVENT_TYPES.length * 2)
  @IsIn(TYPE_NAMES, { each: true, message: `types must be breach event types: ${BREACH_EVENT_TYPES.join(', ')}` })
  types?: string[];

  @ApiPropertyOptional({ type: WebhookFilterDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => WebhookFilterDto)
  filter?: WebhookFilterDto;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) description?: string;
}

export class ChangeWebhookDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() enabled?: boolean;
  @ApiPropertyOptional({ description: 'Issue a new secret; the old one keeps signing beside it for 24 h.' })
  @IsOptional()
  @IsBoolean()
  rotateSecret?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2048) url?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) description?: string;
}

export class ReplayDto {
  @ApiProperty({ description: 'Redeliver from this global position (inclusive).' })
  @Matches(POSITION, { message: 'fromPosition must be a global position' })
  fromPosition: string;
}

export class DeliveriesRequestDto extends CursorPageDto {
  @ApiPropertyOptional({ enum: ['delivered', 'failed', 'dead'] })
  @IsOptional()
  @IsIn(['delivered', 'failed', 'dead'], { message: 'status must be delivered, failed or dead' })
  status?: string;
}

export class WebhookIdParams {
  @ApiProperty() @Matches(UUID, { message: 'id must be a lower-case UUID' }) id: string;
}
