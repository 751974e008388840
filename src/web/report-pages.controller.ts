import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { ReportQuery } from '../reports/dto/report.dto';
import { ApprovalRateService } from '../reports/approval-rate.service';
import { CampaignsService } from '../reports/campaigns.service';
import { PageRenderer } from './page-renderer.service';
import { formatDate, parseDate } from './view-helpers';
import { WebPages } from './web-page.decorator';

/** The leader's dashboard: approval rate as of a day, bars by tier, bodies that have not submitted, campaigns. */
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
    const report = await this.approvalRate.report(user, { asOf } as ReportQuery);
    const campaigns = await this.campaigns.list(user);
    const progress = await Promise.all(campaigns.slice(0, 5).map((c) => this.campaigns.progress(user, c.id, { asOf: report.asOf })));
    const dayError = parsed.ok ? undefined : parsed.message;
    return this.view.render(req, res, 'report', { report, progress, day: day ?? formatDate(report.asOf), dayError }, dayError ? 422 : 200);
  }
}
