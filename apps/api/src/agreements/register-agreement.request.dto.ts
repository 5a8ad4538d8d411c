import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
  IsBoolean,
  IsObject,
  IsOptional,
} from 'class-validator';
import { IsUtcTimestamp, LOCAL_ID, PARTY_CODE, NotBlank } from '../shared/validation';

export class PartyDto {
  @ApiProperty({ example: 'PK' })
  @Matches(PARTY_CODE, { message: 'code must be an upper-case party code (2–8 letters)' })
  code: string;
  @ApiProperty({ example: 'Islamic Republic of Pakistan' }) @IsString() @Length(1, 200) @NotBlank() name: string;
}

export class ProvisionDto {
  @ApiProperty({ example: 'P1' })
  @Matches(LOCAL_ID, { message: 'id must be 1–64 letters, digits, ".", "_" or "-"' })
  id: string;
  @ApiProperty() @IsString() @Length(1, 4000) @NotBlank() text: string;
  @ApiProperty({ example: 'ALL', description: 'A party code, or ALL.' })
  @Matches(/^([A-Z]{2,8}|ALL)$/, { message: 'obligor must be a party code or ALL' })
  obligor: string;
}

export class CosignaturePolicyDto {
  @ApiProperty({ example: 2 }) @IsInt() @Min(1) @Max(20) k: number;
  @ApiProperty({ example: ['witness.mediator-tr.example', 'witness.mediator-qa.example'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Matches(/^[A-Za-z0-9.-]+(\/[A-Za-z0-9._~-]+)*$/, { each: true, message: 'each witness must be a witness name' })
  witnesses: string[];
}

export class MechanismTermsDto {
  @ApiProperty({ example: 72 }) @IsInt() @Min(1) @Max(24 * 90) responseWindowHours: number;
  @ApiProperty({ example: 14 }) @IsInt() @Min(1) @Max(365) verificationDeadlineDays: number;
  @ApiProperty({ example: 7 }) @IsInt() @Min(1) @Max(365) disputeWindowDays: number;
  @ApiProperty({ example: 2, description: 'Distinct mediator institutions whose votes adopt a finding.' })
  @IsInt()
  @Min(1)
  @Max(20)
  adoptionQuorum: number;
  @ApiPropertyOptional({
    example: 2,
    description: 'Distinct mediator institutions whose votes rule on a dispute; defaults to adoptionQuorum.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  rulingQuorum?: number;
  @ApiPropertyOptional({
    example: 2,
    description: 'Distinct mediator institutions whose votes record a consequence; defaults to adoptionQuorum.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  measureQuorum?: number;
  @ApiPropertyOptional({ description: "Parties' writes must be signed (Submission-Signature)." })
  @IsOptional()
  @IsBoolean()
  requireSignedSubmissions?: boolean;
  @ApiPropertyOptional({
    type: () => CosignaturePolicyDto,
    description: 'k of these witnesses must cosign a checkpoint for it to be final.',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CosignaturePolicyDto)
  cosignaturePolicy?: CosignaturePolicyDto;
}

export class RegisterAgreementRequestDto {
  @ApiProperty({ example: 'Doha ceasefire, reaffirmed at Istanbul' })
  @IsString()
  @Length(1, 300)
  @NotBlank()
  title: string;
  @ApiProperty({ type: [PartyDto] })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PartyDto)
  parties: PartyDto[];
  @ApiProperty({
    example: ['TR', 'QA'],
    description: 'Mediator institutions; mediator principals belong to one, and quorums count distinct ones.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Matches(PARTY_CODE, { each: true, message: 'each mediator must be an upper-case code' })
  mediators: string[];
  @ApiPropertyOptional({
    example: ['JMC-NORTH'],
    description: 'Monitoring components; when given, a monitor acts here only for one of them.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { each: true, message: 'each monitoring component must be a component name' })
  monitoringComponents?: string[];
  @ApiProperty({ type: [ProvisionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ProvisionDto)
  provisions: ProvisionDto[];
  @ApiProperty({ type: MechanismTermsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => MechanismTermsDto)
  terms: MechanismTermsDto;
  @ApiProperty({ example: '2025-10-19T00:00:00Z' }) @IsUtcTimestamp() effectiveAt: string;
}
