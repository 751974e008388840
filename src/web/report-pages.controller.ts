import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { AnnualReportCampaignService } from '../annual-reports/annual-report-campaign.service';
import { RecordAnnualSubmissionDto } from '../annual-reports/dto/annual-report-campaign.dto';
import { annualYearPipe } from '../annual-reports/annual-report-year.pipe';
import { annualSubmissionFromForm } from './annual-report-form';
import { FormBody, FormFailure, formFailure, validated } from './form-input';
import { redirectWithFlash } from './page-session';
import { PageRenderer } from './page-renderer.service';
import { ReportPageQuery, ReportPageView } from './report-page-view.service';
import { WebPages } from './web-page.decorator';

/**
 * The leader's dashboard: approval rate as of a day, bars by tier, bodies that have not submitted, campaigns, and the
 * other readings of the same figures ("Các cách đếm khác") beside the default one. An administrator chooses a province
 * and a body, or sees the whole country (report-page-view.service.ts).
 */
@WebPages()
@Controller('bao-cao')
export class ReportPagesController {
  constructor(
    private readonly view: PageRenderer,
    private readonly pageView: ReportPageView,
    private readonly annualReports: AnnualReportCampaignService,
  ) {}

  @Get()
  @RequirePermission('report:read')
  dashboard(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Query('ngay') day?: string,
    @Query('tinh') province?: string,
    @Query('coQuan') body?: string,
  ): Promise<void> {
    return this.render(user, req, res, { day: text(day), province: text(province), body: text(body) });
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
      return this.render(user, req, res, {}, { failure: formFailure(error), values: body });
    }
  }

  private async render(
    user: AuthUser,
    req: Request,
    res: Response,
    asked: ReportPageQuery,
    annualFailed?: { failure: FormFailure; values: FormBody },
  ): Promise<void> {
    const { data, refused } = await this.pageView.data(user, asked, annualFailed);
    return this.view.render(req, res, 'report', data, refused ? 422 : 200);
  }
}

/** A query parameter as one trimmed string (a repeated one counts once). */
function text(value: unknown): string | undefined {
  const one = Array.isArray(value) ? value[0] : value;
  return typeof one === 'string' && one.trim() ? one.trim() : undefined;
}
