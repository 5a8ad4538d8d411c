import { Module } from '@nestjs/common';
import { GetComplianceHttpController } from './get-compliance.http.controller';
import { GetComplianceHandler } from './get-compliance.query';

@Module({ controllers: [GetComplianceHttpController], providers: [GetComplianceHandler] })
export class ComplianceModule {}
