import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsNumber, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsUtcTimestamp, LOCAL_ID, PARTY_CODE, SHA256_HEX, UUID, NotBlank } from '../shared/validation';

export class DefineCommitmentRequestDto {
  @ApiProperty({ example: 'AF' }) @Matches(PARTY_CODE, { message: 'obligor must be a party code' }) obligor: string;
  @ApiProperty({ example: 'Verifiable action against armed groups operating from its soil' })
  @IsString()
  @Length(1, 500)
  @NotBlank()
  title: string;
  @ApiProperty({ example: 'camps dismantled and documented' })
  @IsString()
  @Length(1, 2000)
  @NotBlank()
  indicator: string;
  @ApiProperty({ example: 3 }) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1e9) target: number;
  @ApiProperty({ example: 'camps' }) @IsString() @Length(1, 100) @NotBlank() unit: string;
  @ApiProperty() @IsUtcTimestamp() dueAt: string;
  @ApiProperty({ example: 'geotagged imagery and a monitor visit' })
  @IsString()
  @Length(1, 4000)
  @NotBlank()
  evidenceRequired: string;
}

export class ReportProgressRequestDto {
  @ApiProperty({ example: 'r1' })
  @Matches(LOCAL_ID, { message: 'reportId must be 1–64 letters, digits, ".", "_" or "-"' })
  reportId: string;
  @ApiProperty() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1e9) quantity: number;
  @ApiProperty() @IsString() @Length(1, 10_000) @NotBlank() description: string;
  @ApiProperty({ description: 'SHA-256 hashes of the supporting evidence.' })
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(SHA256_HEX, { each: true, message: 'each evidence entry must be a lower-case hex SHA-256' })
  evidence: string[];
}

export class VerifyProgressRequestDto {
  @ApiProperty({ example: 'r1' })
  @Matches(LOCAL_ID, { message: 'reportId must be 1–64 letters, digits, ".", "_" or "-"' })
  reportId: string;
  @ApiProperty({ enum: ['ACCEPTED', 'REJECTED'] }) @IsIn(['ACCEPTED', 'REJECTED']) verdict: 'ACCEPTED' | 'REJECTED';
  @ApiProperty() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1e9) acceptedQuantity: number;
  @ApiProperty() @IsString() @Length(1, 10_000) @NotBlank() note: string;
}

export class CommitmentIdParams {
  @ApiProperty() @Matches(UUID, { message: 'id must be a lower-case UUID' }) id: string;
}
