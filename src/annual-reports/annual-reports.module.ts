import { Module } from '@nestjs/common';
import { AnnualReportCampaignController } from './annual-report-campaign.controller';
import { AnnualReportCampaignService } from './annual-report-campaign.service';
import { AnnualReportRemindersService } from './annual-report-reminders.service';

/** The annual report as a campaign of its own (TT12 Arts. 13–14, ND331 Arts. 35–36): submissions, progress, reminders. */
@Module({
  controllers: [AnnualReportCampaignController],
  providers: [AnnualReportCampaignService, AnnualReportRemindersService],
  exports: [AnnualReportCampaignService],
})
export class AnnualReportsModule {}
