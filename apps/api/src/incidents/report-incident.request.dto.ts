import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
import { IsUtcTimestamp, LOCAL_ID, NotBlank } from '../shared/validation';

export class LocationDto {
  @ApiProperty({ example: 34.07 }) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-90) @Max(90) lat: number;
  @ApiProperty({ example: 71.1 }) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-180) @Max(180) lon: number;
  @ApiProperty({ example: 5, description: 'Radius of uncertainty in km.' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1000)
  precisionKm: number;
  @ApiProperty({ example: 'Torkham crossing' }) @IsString() @Length(1, 300) @NotBlank() place: string;
}

export class CasualtiesDto {
  @ApiProperty() @IsInt() @Min(0) @Max(1_000_000) low: number;
  @ApiProperty() @IsInt() @Min(0) @Max(1_000_000) best: number;
  @ApiProperty() @IsInt() @Min(0) @Max(1_000_000) high: number;
}

export class ReportIncidentRequestDto {
  @ApiPropertyOptional({
    example: '+92 51 000 0000',
    description:
      'How to reach the reporter: personal data, sealed under a key of its own and erasable; shown to monitors and mediators only.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  @NotBlank()
  reporterContact?: string;
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
  @ApiProperty() @IsString() @Length(1, 10_000) @NotBlank() description: string;
  @ApiPropertyOptional({ description: 'For a monitor recording a public report: who said it, where.' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  @NotBlank()
  source?: string;
}
