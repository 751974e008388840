import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { ReportQuery } from '../reports/dto/report.dto';
import { ApprovalRateService } from '../reports/approval-rate.service';
import { CampaignsService } from '../reports/campaigns.service';
import { AfterApprovalService } from '../reports/after-approval.service';
import { AnnualReportCampaignService } from '../annual-reports/annual-report-campaign.service';
import { deadlineYearOf } from '../annual-reports/annual-report-deadlines';
import { RecordAnnualSubmissionDto } from '../annual-reports/dto/annual-report-campaign.dto';
import { annualYearPipe } from '../annual-reports/annual-report-year.pipe';
import { roleHas } from '../auth/permissions';
import { annualSubmissionFromForm } from './annual-report-form';
import { FormBody, FormFailure, formFailure, validated } from './form-input';
import { redirectWithFlash } from './page-session';
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
    private readonly afterApproval: AfterApprovalService,
    private readonly annualReports: AnnualReportCampaignService,
  ) {}

  @Get()
  @RequirePermission('report:read')
  dashboard(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Query('ngay') day?: string): Promise<void> {
    return this.render(user, req, res, day);
  }

  /** The annual report section's form: the officer or head records that its agency sent the year's report. */
  @Post('bao-cao-nam')
  @RequirePermission('annual-report:submit')
  async recordAnnualReport(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: FormBody,
  ): Promise<void> {
    try {
      const { plain, reader } = annualSubmissionFromForm(body);
      const dto = await validated(RecordAnnualSubmissionDto, plain, reader);
      const year = annualYearPipe.transform(typeof body.year === 'string' ? body.year : '', { type: 'body' });
      const saved = await this.annualReports.submit(user, year, dto);
      return redirectWithFlash(
        req,
        res,
        '/bao-cao#bao-cao-nam',
        `Đã ghi nhận báo cáo năm ${saved.year}, văn bản số ${saved.documentNumber}.`,
      );
    } catch (error) {
      return this.render(user, req, res, undefined, { failure: formFailure(error), values: body });
    }
  }

  private async render(
    user: AuthUser,
    req: Request,
    res: Response,
    day: string | undefined,
    annualFailed?: { failure: FormFailure; values: FormBody },
  ): Promise<void> {
    const parsed = parseDate(day);
    const asOf = parsed.ok ? parsed.value : undefined;
    const report = await this.approvalRate.report(user, { asOf } as ReportQuery, true);
    const campaigns = await this.campaigns.list(user);
    const progress = await Promise.all(campaigns.slice(0, 5).map((c) => this.campaigns.progress(user, c.id, { asOf: report.asOf })));
    // Administrators choose a province in the API; the page shows these two sections for a province's own users.
    const provincial = user.role !== 'ADMIN';
    const afterApproval = provincial ? await this.afterApproval.report(user, { asOf: report.asOf }) : null;
    const annualCampaign = provincial ? await this.annualReports.progress(user, deadlineYearOf(report.asOf), { asOf: report.asOf }) : null;
    const dayError = parsed.ok ? undefined : parsed.message;
    const r = report.readings!;
    const readings = {
      summary: readingSummaryRows(r),
      appraiserHeaders: APPRAISER_HEADERS,
      appraisers: appraiserRows(r),
      decisions: decisionDateRows(r),
      differences: readingDifferences(r),
    };
    const annualForm = roleHas(user.role, 'annual-report:submit') && user.role !== 'ADMIN' ? { failed: annualFailed } : null;
    const data = { report, readings, progress, afterApproval, annualCampaign, annualForm, day: day ?? formatDate(report.asOf), dayError };
    return this.view.render(req, res, 'report', data, dayError || annualFailed ? 422 : 200);
  }
}
