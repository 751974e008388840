import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { DomainError } from '../common/errors/domain-error';
import { AnnualReportDto, AnnualReportQuery } from './dto/annual-report.dto';
import { annualSystems } from './annual-report.query';
import { mapAnnualRow } from './annual-report.mapper';
import { annualPeriod, figuresDate, reportingYearOf, summarize } from './mau08';
import { ReportScopeService } from './report-scope';
import { scopeOwnerIds } from './report-scope-owners';
import { formatDateVi } from './report-text';

/**
 * The annual report on systems by level (Mẫu 08, Decree 331 Arts. 35–36): every system of the caller's scope with
 * its approval status, decision, plan deployment and inspections, and the summary counts, over the reporting period.
 */
@Injectable()
export class AnnualReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scopes: ReportScopeService,
    private readonly clock: Clock,
  ) {}

  async report(user: AuthUser, query: AnnualReportQuery): Promise<AnnualReportDto> {
    const em = this.dataSource.manager;
    const today = this.clock.today();
    const period = annualPeriod(query.year ?? reportingYearOf(today));
    const asOf = figuresDate(period, today);
    if (asOf === null) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `Kỳ báo cáo năm ${period.year} bắt đầu từ ngày ${formatDateVi(period.from)}, chưa có số liệu.`,
        { year: ['kỳ báo cáo chưa bắt đầu'] },
      );
    }
    const scope = await this.scopes.resolve(em, user, query);
    const ownerIds = await scopeOwnerIds(em, user, scope, asOf);
    const rows = await annualSystems(em, { provinceCode: scope.provinceCode, asOf, ownerIds });
    const mapped = rows.map((row, i) => mapAnnualRow(row, i + 1, period, asOf));
    return {
      period,
      asOf,
      periodComplete: asOf === period.to,
      scope: { provinceCode: scope.provinceCode, rootAgency: scope.rootAgencyId ?? null, title: scope.title },
      summary: summarize(mapped.map((m) => m.facts)),
      systems: mapped.map((m) => m.dto),
    };
  }
}
