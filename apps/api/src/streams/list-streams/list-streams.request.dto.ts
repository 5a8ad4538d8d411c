import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { PageRequestDto } from '../../http/page-request.dto';

export class ListStreamsRequestDto extends PageRequestDto {
  @ApiPropertyOptional({ description: 'Only streams of this category (the part of the name before the first "-").' })
  @IsOptional()
  @Matches(/^[A-Za-z][A-Za-z0-9_]*$/, { message: 'category must be letters, digits or "_", starting with a letter' })
  category?: string;
}
