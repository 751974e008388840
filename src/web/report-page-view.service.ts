import { Injectable } from '@nestjs/common';
import { AnnualReportCampaignService } from '../annual-reports/annual-report-campaign.service';
import { deadlineYearOf } from '../annual-reports/annual-report-deadlines';
import { AuthUser } from '../auth/auth-user';
import { roleHas } from '../auth/permissions';
import { FieldErrors } from '../common/errors/domain-error';
import { AfterApprovalService } from '../reports/after-approval.service';
import { ApprovalRateService } from '../reports/approval-rate.service';
import { CampaignsService } from '../reports/campaigns.service';
import { ReportQuery } from '../reports/dto/report.dto';
import {
  APPRAISER_HEADERS,
  appraiserRows,
  decisionDateRows,
  readingDifferences,
  readingSummaryRows,
} from '../reports/report-readings.rows';
import { ReportScopeChoices, ReportScopeService } from '../reports/report-scope';
import { FormBody, FormFailure } from './form-input';
import { formatDate, parseDate } from './view-helpers';

/** What the report page was asked for: the day, and (administrators only) a province and a body. */
export interface ReportPageQuery {
  day?: string;
  province?: string;
  body?: string;
}

/** The administrator's chooser: the choices, what was chosen, and why a choice was refused. */
export interface ReportChooser extends ReportScopeChoices {
  province: string;
  body: string;
  errors: FieldErrors;
}

/**
 * The report page's data. A province's users see their province (an officer or head its own agency); an
 * administrator chooses a province, then optionally one of its bodies with the units under it, or sees the whole
 * country when nothing is chosen (issue 21 point 6).
 */
@Injectable()
export class ReportPageView {
  constructor(
    private readonly approvalRate: ApprovalRateService,
    private readonly campaigns: CampaignsService,
    private readonly afterApproval: AfterApprovalService,
    private readonly annualReports: AnnualReportCampaignService,
    private readonly scopes: ReportScopeService,
  ) {}

  async data(
    user: AuthUser,
    asked: ReportPageQuery,
    annualFailed?: { failure: FormFailure; values: FormBody },
  ): Promise<{ data: Record<string, unknown>; refused: boolean }> {
    const parsed = parseDate(asked.day);
    const asOf = parsed.ok ? parsed.value : undefined;
    const chooser = user.role === 'ADMIN' ? await this.chooser(asked) : null;
    const scope = { province: chooser?.province || undefined, rootAgency: chooser?.body || undefined };
    const report = await this.approvalRate.report(user, { asOf, ...scope } as ReportQuery, true);
    const province = report.scope.provinceCode;
    // The sections of one province: for its own users, and for an administrator who chose one (not the whole country).
    const provincial = user.role !== 'ADMIN' || province !== null;
    const inScope = (await this.campaigns.list(user)).filter((c) => province === null || c.provinceCode === province);
    const progress = await Promise.all(inScope.slice(0, 5).map((c) => this.campaigns.progress(user, c.id, { asOf: report.asOf })));
    const afterApproval = provincial ? await this.afterApproval.report(user, { asOf: report.asOf, ...scope }) : null;
    const annualCampaign = provincial
      ? await this.annualReports.progress(user, deadlineYearOf(report.asOf), {
          asOf: report.asOf,
          province: chooser ? province! : undefined,
        })
      : null;
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
    const chooserRefused = !!chooser && Object.keys(chooser.errors).length > 0;
    const data = {
      report,
      readings,
      progress,
      afterApproval,
      annualCampaign,
      annualForm,
      chooser,
      day: asked.day ?? formatDate(report.asOf),
      dayError,
    };
    return { data, refused: !!dayError || !!annualFailed || chooserRefused };
  }

  /** A province or body not in the lists is refused beside its field, and the report falls back to the wider scope. */
  private async chooser(asked: ReportPageQuery): Promise<ReportChooser> {
    const errors: FieldErrors = {};
    const all = await this.scopes.choices();
    let province = asked.province?.trim() ?? '';
    if (province && !all.provinces.some((p) => p.code === province)) {
      errors.tinh = ['Không có tỉnh này trong danh sách; hãy chọn lại.'];
      province = '';
    }
    const { bodies } = province ? await this.scopes.choices(province) : { bodies: [] };
    let body = asked.body?.trim() ?? '';
    if (body && !bodies.some((b) => b.id === body)) {
      errors.coQuan = [province ? 'Cơ quan này không thuộc tỉnh đã chọn; hãy chọn lại.' : 'Hãy chọn tỉnh trước khi chọn cơ quan.'];
      body = '';
    }
    return { provinces: all.provinces, bodies, province, body, errors };
  }
}
