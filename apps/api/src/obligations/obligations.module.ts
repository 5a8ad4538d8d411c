import { Module } from '@nestjs/common';
import { PartyObligationsHttpController } from './party-obligations.http.controller';

@Module({ controllers: [PartyObligationsHttpController] })
export class ObligationsModule {}
