import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { pendingClaimsByOwner } from '../systems/prior-approvals/prior-approval-claims.query';
import { AgencyRowDto, ApprovalRateReportDto, ReportQuery, TierFigureDto } from './dto/report.dto';
import { rate, TIER_LABELS, tierOf, TIERS } from './report-tiers';
import { ReportProgressCache } from './report-progress-cache';
import { buildReadings } from './report-readings';
import { readingDossiers, senderProgress } from './report-readings.query';
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

  /**
   * `withReadings`: also the other readings (issue 19 point 8), read from the tables each time (they are not kept
   * like the default figures), so only when asked: the files, the report page, and JSON with `readings=true`.
   */
  async report(user: AuthUser, query: ReportQuery, withReadings = query.readings === 'true'): Promise<ApprovalRateReportDto> {
    const em = this.dataSource.manager;
    const asOf = query.asOf ?? this.clock.today();
    const scope = await this.scopes.resolveOrNational(em, user, query);
    const progressScope = { provinceCode: scope.provinceCode, rootAgencyId: scope.rootAgencyId, asOf };
    const subtree = await this.progress.progress(progressScope);
    const rows = scope.ownAgencyOnly ? subtree.filter((r) => r.id === scope.rootAgencyId) : subtree;
    // The other readings (issue 19 point 8) are read beside the default figures, which they never change.
    const [claimed, senders, dossiers] = await Promise.all([
      pendingClaimsByOwner(
        em,
        rows.map((r) => r.id),
        asOf,
      ),
      withReadings ? senderProgress(em, progressScope) : null,
      withReadings ? readingDossiers(em, progressScope) : null,
    ]);
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
      ...(senders &&
        dossiers && {
          readings: buildReadings(
            rows.map((r) => ({ id: r.id, name: r.name, submitted: r.firstSubmittedOn !== null, approved: r.firstApprovedOn !== null })),
            senders,
            dossiers,
            asOf,
            rate,
          ),
        }),
    };
  }
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
