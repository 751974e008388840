import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { inspectionRegimeOn, ND85_INSPECTION_RULES } from '../inspections/inspection-schedule';
import { AfterApprovalFacts, afterApprovalFigures, ScheduleContext } from './after-approval-figures';
import { AfterApprovalRow, afterApprovalSystems, policyInForce } from './after-approval.query';
import { AfterApprovalQuery, AfterApprovalReportDto } from './dto/after-approval.dto';
import { ReportScopeService } from './report-scope';
import { scopeOwnerIds } from './report-scope-owners';

/** The leader's after-approval dashboard: plans fully deployed, inspections on time and overdue, by level tier. */
@Injectable()
export class AfterApprovalService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scopes: ReportScopeService,
    private readonly clock: Clock,
  ) {}

  async report(user: AuthUser, query: AfterApprovalQuery): Promise<AfterApprovalReportDto> {
    const em = this.dataSource.manager;
    const asOf = query.asOf ?? this.clock.today();
    const scope = await this.scopes.resolve(em, user, query);
    const ownerIds = await scopeOwnerIds(em, user, scope, asOf);
    const [rows, policy] = await Promise.all([
      afterApprovalSystems(em, { provinceCode: scope.provinceCode, asOf, ownerIds }),
      policyInForce(em, asOf),
    ]);
    const ctx: ScheduleContext = {
      asOf,
      regime: inspectionRegimeOn(asOf),
      // Before any policy version existed on that day, the defaults the first version was seeded with.
      policy: policy.length ? policy : ND85_INSPECTION_RULES,
    };
    return { asOf, regime: ctx.regime, scopeTitle: scope.title, tiers: afterApprovalFigures(rows.map(toFacts), ctx) };
  }
}

export function toFacts(r: AfterApprovalRow): AfterApprovalFacts {
  return {
    level: r.level,
    approvedOn: r.approved_on,
    deploymentStatus: r.deployment_status,
    onNationalSecurityList: r.on_list,
    inspectionsDesc: r.inspections ?? [],
    lastOrganisationInspectionOn: r.last_organisation,
    openIncidents: r.open_incidents,
    openFlags: r.open_flags,
  };
}
