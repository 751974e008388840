import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { ReportQuery } from '../reports/dto/report.dto';
import { ApprovalRateService } from '../reports/approval-rate.service';
import { CampaignsService } from '../reports/campaigns.service';
import {
  APPRAISER_HEADERS,
  appraiserRows,
  decisionDateRows,
  readingDifferences,
  readingSummaryRows,
} from '../reports/report-readings.rows';
import { PageRenderer } from './page-renderer.service';
import { formatDate, parseDate } from './view-helpers';
import { WebPages } from './web-page.decorator';

/**
 * The leader's dashboard: approval rate as of a day, bars by tier, bodies that have not submitted, campaigns, and the
 * other readings of the same figures ("Các cách đếm khác") beside the default one.
 */
@WebPages()
@Controller('bao-cao')
export class ReportPagesController {
  constructor(
    private readonly view: PageRenderer,
    private readonly approvalRate: ApprovalRateService,
    private readonly campaigns: CampaignsService,
  ) {}

  @Get()
  @RequirePermission('report:read')
  async dashboard(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Query('ngay') day?: string): Promise<void> {
    const parsed = parseDate(day);
    const asOf = parsed.ok ? parsed.value : undefined;
    const report = await this.approvalRate.report(user, { asOf } as ReportQuery, true);
    const campaigns = await this.campaigns.list(user);
    const progress = await Promise.all(campaigns.slice(0, 5).map((c) => this.campaigns.progress(user, c.id, { asOf: report.asOf })));
    const dayError = parsed.ok ? undefined : parsed.message;
    const r = report.readings!;
    const readings = {
      summary: readingSummaryRows(r),
      appraiserHeaders: APPRAISER_HEADERS,
      appraisers: appraiserRows(r),
      decisions: decisionDateRows(r),
      differences: readingDifferences(r),
    };
    const data = { report, readings, progress, day: day ?? formatDate(report.asOf), dayError };
    return this.view.render(req, res, 'report', data, dayError ? 422 : 200);
  }
}
