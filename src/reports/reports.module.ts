import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { AfterApprovalExportsService } from './after-approval-exports.service';
import { AfterApprovalService } from './after-approval.service';
import { AnnualReportService } from './annual-report.service';
import { CampaignRemindersService } from './campaign-reminders.service';
import { ApprovalRateService } from './approval-rate.service';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';
import { PipelineService } from './pipeline.service';
import { ReportDownloadService } from './report-download.service';
import { ReportProgressCache } from './report-progress-cache';
import { ReportScopeService } from './report-scope';
import { ReportsController } from './reports.controller';

@Module({
  imports: [CalendarModule],
  controllers: [ReportsController, CampaignsController],
  providers: [
    ApprovalRateService,
    AnnualReportService,
    PipelineService,
    ReportDownloadService,
    ReportScopeService,
    CampaignsService,
    ReportProgressCache,
    AfterApprovalService,
    AfterApprovalExportsService,
    CampaignRemindersService,
  ],
  exports: [ApprovalRateService, CampaignsService, AfterApprovalService, ReportScopeService],
})
export class ReportsModule {}
