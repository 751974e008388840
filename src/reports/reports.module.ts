import { Module } from '@nestjs/common';
import { ApprovalRateService } from './approval-rate.service';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';
import { ReportScopeService } from './report-scope';
import { ReportsController } from './reports.controller';

@Module({
  controllers: [ReportsController, CampaignsController],
  providers: [ApprovalRateService, ReportScopeService, CampaignsService],
  exports: [ApprovalRateService, CampaignsService],
})
export class ReportsModule {}
