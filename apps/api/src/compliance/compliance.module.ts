import { AdoptRulebookHttpController } from './adopt-rulebook.http.controller';
import { PublishComplianceStatementHttpController } from './publish-compliance-statement.http.controller';
import { Module } from '@nestjs/common';
import { GetComplianceHttpController } from './get-compliance.http.controller';
import { GetComplianceHandler } from './get-compliance.query';

@Module({
  controllers: [GetComplianceHttpController, AdoptRulebookHttpController, PublishComplianceStatementHttpController],
  providers: [GetComplianceHandler],
})
export class ComplianceModule {}
