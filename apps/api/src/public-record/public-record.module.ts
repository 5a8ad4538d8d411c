import { Module } from '@nestjs/common';
import { AgreementsModule } from '../agreements/agreements.module';
import { PublicRecordHttpController } from './public-record.http.controller';

@Module({ imports: [AgreementsModule], controllers: [PublicRecordHttpController] })
export class PublicRecordModule {}
