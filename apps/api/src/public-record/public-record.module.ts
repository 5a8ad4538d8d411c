import { Module } from '@nestjs/common';
import { PublicRecordHttpController } from './public-record.http.controller';

@Module({ controllers: [PublicRecordHttpController] })
export class PublicRecordModule {}
