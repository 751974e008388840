import { Injectable, StreamableFile } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { inspectionRegimeOn, ND85_INSPECTION_RULES } from '../inspections/inspection-schedule';
import { inspectionStanding, nextDueOf, ScheduleContext } from './after-approval-figures';
import { inspectionsForExport, planItemsForExport, systemNames } from './after-approval-exports.query';
import { afterApprovalSystems, policyInForce } from './after-approval.query';
import { toFacts } from './after-approval.service';
import { inspectionsXlsx, planItemsXlsx, ScheduleExportRow } from './after-approval.xlsx';
import { AfterApprovalExportQuery } from './dto/after-approval-export.dto';
import { ReportScopeService } from './report-scope';
import { scopeOwnerIds } from './report-scope-owners';
import { reportFileName } from './report-text';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function download(content: Buffer, name: string): StreamableFile {
  return new StreamableFile(content, { type: XLSX, length: content.length, disposition: `attachment; filename="${name}"` });
}

/** The after-approval workbooks by agency: plan items, and inspections with each system's schedule. */
@Injectable()
export class AfterApprovalExportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scopes: ReportScopeService,
    private readonly clock: Clock,
  ) {}

  async planItems(user: AuthUser, query: AfterApprovalExportQuery): Promise<StreamableFile> {
    const em = this.dataSource.manager;
    const asOf = query.asOf ?? this.clock.today();
    const scope = await this.scopes.resolve(em, user, query);
    const ownerIds = await scopeOwnerIds(em, user, scope, asOf);
    const rows = await planItemsForExport(em, { provinceCode: scope.provinceCode, ownerIds, agencyId: query.agencyId ?? null });
    return download(await planItemsXlsx(rows, asOf, this.clock.now()), reportFileName('hang-muc-phuong-an', asOf, 'xlsx'));
  }

  async inspections(user: AuthUser, query: AfterApprovalExportQuery): Promise<StreamableFile> {
    const em = this.dataSource.manager;
    const asOf = query.asOf ?? this.clock.today();
    const scope = await this.scopes.resolve(em, user, query);
    const ownerIds = await scopeOwnerIds(em, user, scope, asOf);
    const agencyId = query.agencyId ?? null;
    const [systems, policy, inspections] = await Promise.all([
      afterApprovalSystems(em, { provinceCode: scope.provinceCode, asOf, ownerIds, agencyId }),
      policyInForce(em, asOf),
      inspectionsForExport(em, { provinceCode: scope.provinceCode, ownerIds, agencyId, asOf }),
    ]);
    const ctx: ScheduleContext = { asOf, regime: inspectionRegimeOn(asOf), policy: policy.length ? policy : ND85_INSPECTION_RULES };
    const names = await systemNames(
      em,
      systems.map((s) => s.id),
    );
    const facts = new Map(systems.map((s) => [s.id, toFacts(s)]));
    const schedule: ScheduleExportRow[] = names.map((n) => {
      const f = facts.get(n.id)!;
      return {
        ownerName: n.owner_name,
        systemCode: n.system_code,
        systemName: n.system_name,
        level: f.level,
        lastInspectionOn: f.inspectionsDesc[0] ?? null,
        nextDueOn: nextDueOf(f, ctx),
        standing: inspectionStanding(f, ctx),
      };
    });
    return download(await inspectionsXlsx(schedule, inspections, this.clock.now()), reportFileName('kiem-tra-danh-gia', asOf, 'xlsx'));
  }
}
