import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { AgencyProgressRow } from './agency-progress.query';
import { AgencyRowDto, ApprovalRateReportDto, ReportQuery, TierFigureDto } from './dto/report.dto';
import { rate, Tier, TIER_LABELS, tierOf, TIERS } from './report-tiers';
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
    // The bodies' figures come with their pending claims and the name of the province's People's Committee (a whole
    // province's title), kept together; the other readings (issue 19 point 8) are read beside them, when asked: they
    // never change the default figures.
    const scope = await this.scopes.resolveOrNationalUntitled(em, user, query);
    const progressScope = { provinceCode: scope.provinceCode, rootAgencyId: scope.rootAgencyId, asOf };
    const [{ rows: subtree, claimed, committeeName }, senders, dossiers] = await Promise.all([
      this.progress.forReport(progressScope),
      withReadings ? senderProgress(em, progressScope) : null,
      withReadings ? readingDossiers(em, progressScope) : null,
    ]);
    const rows = scope.ownAgencyOnly ? subtree.filter((r) => r.id === scope.rootAgencyId) : subtree;
    // One pass over the bodies (the country has about 4,000): their rows, the tiers' and the systems' totals.
    const agencyRows: AgencyRowDto[] = [];
    const notSubmitted: AgencyRowDto[] = [];
    const tiers = new Map<Tier, Count>();
    const all = newCount();
    const systems = { total: 0, operating: 0, withApprovedLevel: 0, claimedNotConfirmed: 0 };
    const byLevel: Record<string, number> = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
    for (const r of rows) {
      const row = agencyRow(r, claimed.get(r.id) ?? 0);
      const tier = row.tier as Tier;
      agencyRows.push(row);
      if (!row.submitted) notSubmitted.push(row);
      let count = tiers.get(tier);
      if (!count) tiers.set(tier, (count = newCount()));
      tally(count, row);
      tally(all, row);
      systems.total += row.systems;
      systems.operating += row.operatingSystems;
      systems.withApprovedLevel += row.approvedSystems;
      systems.claimedNotConfirmed += row.claimedSystems;
      for (const level in byLevel) byLevel[level] += r.approvedByLevel[level] ?? 0;
    }
    const byTier: TierFigureDto[] = TIERS.flatMap((tier) => {
      const count = tiers.get(tier);
      return count ? [{ tier, label: TIER_LABELS[tier], ...figures(count) }] : [];
    });
    return {
      asOf,
      scope: { provinceCode: scope.provinceCode, rootAgency: scope.rootAgencyId ?? null, title: scope.titleFor(committeeName) },
      agencies: { ...figures(all), notSubmitted: notSubmitted.length },
      systems: { ...systems, coverage: rate(systems.withApprovedLevel, systems.operating), byLevel },
      byTier,
      agencyRows,
      notSubmitted,
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

/**
 * The rows made for the bodies' progress rows (which the kept timelines share between requests), kept while their
 * progress row lives: a report reuses them, frozen, so that the JSON writer may keep their text (src/common/http/json-response.ts).
 */
const rowsMade = new WeakMap<AgencyProgressRow, AgencyRowDto>();

/** A body's row in the report, made once for its progress row and its claimed systems. */
function agencyRow(r: AgencyProgressRow, claimedSystems: number): AgencyRowDto {
  const made = rowsMade.get(r);
  if (made && made.claimedSystems === claimedSystems) return made;
  const tier = tierOf(r.kind);
  const row: AgencyRowDto = Object.freeze({
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
    claimedSystems,
  });
  rowsMade.set(r, row);
  return row;
}

interface Count {
  total: number;
  submitted: number;
  approved: number;
}

const newCount = (): Count => ({ total: 0, submitted: 0, approved: 0 });

function tally(c: Count, row: AgencyRowDto): void {
  c.total++;
  if (row.submitted) c.submitted++;
  if (row.approved) c.approved++;
}

/** A group's figures: how many bodies, how many submitted and had one approved, and the two rates. */
function figures(c: Count) {
  return {
    total: c.total,
    submitted: c.submitted,
    approved: c.approved,
    approvalRate: rate(c.approved, c.submitted),
    submissionRate: rate(c.submitted, c.total),
  };
}
