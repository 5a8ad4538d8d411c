import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { RESPONSE_KINDS, type ResponseKind, TRIAGE_DECISIONS, type TriageDecision } from '@ceasefire/mvm';
import { LOCAL_ID, SHA256_HEX, UUID, NotBlank } from '../shared/validation';

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
  @ApiProperty({ example: 'PK liaison office' }) @IsString() @Length(1, 300) @NotBlank() custodian: string;
  @ApiProperty() @IsString() @Length(1, 4000) @NotBlank() description: string;
}

export class TriageRequestDto {
  @ApiProperty({ enum: TRIAGE_DECISIONS }) @IsIn(TRIAGE_DECISIONS) decision: TriageDecision;
  @ApiPropertyOptional({ description: 'The original incident, for DUPLICATE.' })
  @IsOptional()
  @Matches(UUID, { message: 'duplicateOf must be an incident id' })
  duplicateOf?: string;
  @ApiProperty() @IsString() @Length(1, 4000) @NotBlank() reason: string;
}

export class RespondRequestDto {
  @ApiProperty({ enum: RESPONSE_KINDS }) @IsIn(RESPONSE_KINDS) response: ResponseKind;
  @ApiProperty() @IsString() @Length(1, 10_000) @NotBlank() statement: string;
}
