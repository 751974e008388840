import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { pendingClaimsByOwner } from '../systems/prior-approvals/prior-approval-claims.query';
import { AgencyRowDto, ApprovalRateReportDto, ReportQuery, TierFigureDto } from './dto/report.dto';
import { rate, TIER_LABELS, tierOf, TIERS } from './report-tiers';
import { ReportProgressCache } from './report-progress-cache';
import { ReportScopeService } from './report-scope';

/**
 * The leadership report: which bodies have submitted a level dossier and which have one approved, as of a date,
 * by tier and body, with the systems' coverage. Officers see their own agency only.
 */
@Injectable()
export class ApprovalRateService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scopes: ReportScopeService,
    private readonly clock: Clock,
    private readonly progress: ReportProgressCache,
  ) {}

  async report(user: AuthUser, query: ReportQuery): Promise<ApprovalRateReportDto> {
    const em = this.dataSource.manager;
    const asOf = query.asOf ?? this.clock.today();
    const scope = await this.scopes.resolveOrNational(em, user, query);
    const subtree = await this.progress.progress({ provinceCode: scope.provinceCode, rootAgencyId: scope.rootAgencyId, asOf });
    const rows = scope.ownAgencyOnly ? subtree.filter((r) => r.id === scope.rootAgencyId) : subtree;
    const claimed = await pendingClaimsByOwner(
      em,
      rows.map((r) => r.id),
      asOf,
    );
    const agencyRows: AgencyRowDto[] = rows.map((r) => {
      const tier = tierOf(r.kind);
      return {
        code: r.code,
        name: r.name,
        tier,
        tierLabel: TIER_LABELS[tier],
        firstSubmittedAt: r.firstSubmittedOn,
        firstApprovedAt: r.firstApprovedOn,
        submitted: r.firstSubmittedOn !== null,
        approved: r.firstApprovedOn !== null,
        systems: r.systems,
        operatingSystems: r.operatingSystems,
        approvedSystems: r.approvedSystems,
        claimedSystems: claimed.get(r.id) ?? 0,
      };
    });
    const figures = (list: AgencyRowDto[]) => {
      const submitted = list.filter((r) => r.submitted).length;
      const approved = list.filter((r) => r.approved).length;
      return {
        total: list.length,
        submitted,
        approved,
        approvalRate: rate(approved, submitted),
        submissionRate: rate(submitted, list.length),
      };
    };
    const byTier: TierFigureDto[] = TIERS.map((tier) => ({
      tier,
      label: TIER_LABELS[tier],
      ...figures(agencyRows.filter((r) => r.tier === tier)),
    })).filter((t) => t.total > 0);
    const operating = sum(agencyRows.map((r) => r.operatingSystems));
    const withApprovedLevel = sum(agencyRows.map((r) => r.approvedSystems));
    return {
      asOf,
      scope: { provinceCode: scope.provinceCode, rootAgency: scope.rootAgencyId ?? null, title: scope.title },
      agencies: { ...figures(agencyRows), notSubmitted: agencyRows.filter((r) => !r.submitted).length },
      systems: {
        total: sum(agencyRows.map((r) => r.systems)),
        operating,
        withApprovedLevel,
        claimedNotConfirmed: sum(agencyRows.map((r) => r.claimedSystems)),
        coverage: rate(withApprovedLevel, operating),
        byLevel: Object.fromEntries(['1', '2', '3', '4', '5'].map((level) => [level, sum(rows.map((r) => r.approvedByLevel[level]))])),
      },
      byTier,
      agencyRows,
      notSubmitted: agencyRows.filter((r) => !r.submitted),
    };
  }
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
