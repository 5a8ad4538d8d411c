import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, Length, Matches } from 'class-validator';
import { IsUtcTimestamp, LOCAL_ID, NotBlank } from '../shared/validation';

export class ScheduleMeetingRequestDto {
  @ApiProperty({ example: 'istanbul-2' })
  @Matches(LOCAL_ID, { message: 'meetingId must be 1–64 letters, digits, ".", "_" or "-"' })
  meetingId: string;
  @ApiProperty({ example: '2025-11-06T09:00:00Z' }) @IsUtcTimestamp() scheduledFor: string;
  @ApiProperty({ example: 'Istanbul' }) @IsString() @Length(1, 200) @NotBlank() venue: string;
  @ApiProperty({ example: ['MVM modalities'] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 1000, { each: true })
  @NotBlank({ each: true })
  agenda: string[];
}

export class RecordMeetingRequestDto {
  @ApiProperty({ example: '2025-11-06T09:00:00Z' }) @IsUtcTimestamp() heldAt: string;
  @ApiProperty({ example: ['Parties to meet again'] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 4000, { each: true })
  @NotBlank({ each: true })
  decisions: string[];
}
