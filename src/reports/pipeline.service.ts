import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../common/clock';
import { DossierStatus } from '../dossiers/dossier-status';
import { PipelineQuery, PipelineReportDto } from './dto/pipeline.dto';
import { calendarDaysBetween, countByMau08Status, countByState, groupOverdue, median, OverdueRow } from './pipeline-figures';
import { ReportScopeService } from './report-scope';
import { DOSSIER_STATE_AS_OF, SCOPE_SYSTEMS_AS_OF, scopeOwnerIds } from './report-scope-owners';

/**
 * Where the dossiers stand: how many in each workflow state on a date (replayed from dossier_events), which are
 * overdue today at each appraising body, and how long approval takes from the first submission.
 */
@Injectable()
export class PipelineService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scopes: ReportScopeService,
    private readonly calendars: CalendarService,
    private readonly clock: Clock,
  ) {}

  async report(user: AuthUser, query: PipelineQuery): Promise<PipelineReportDto> {
    const em = this.dataSource.manager;
    const today = this.clock.today();
    const asOf = query.asOf ?? today;
    const scope = await this.scopes.resolve(em, user, query);
    const [ownersThen, ownersNow] = await Promise.all([scopeOwnerIds(em, user, scope, asOf), scopeOwnerIds(em, user, scope, today)]);
    const [dossiers, overdueRows, calendar] = await Promise.all([
      this.dossiersAsOf(em, scope.provinceCode, asOf, ownersThen),
      this.overdueToday(em, scope.provinceCode, today, ownersNow),
      this.calendars.calendar(em),
    ]);
    const states = dossiers.map((d) => d.state).filter((s): s is DossierStatus => s !== null);
    // First submission to approval: the time the body spent supplementing a returned dossier is included.
    const approved = dossiers.filter((d) => d.approvedOn !== null && d.approvedOn <= asOf && d.firstSubmittedOn !== null);
    const byAppraiser = groupOverdue(overdueRows, today, (from, to) => calendar.workingDaysBetween(from, to));
    return {
      asOf,
      scope: { provinceCode: scope.provinceCode, rootAgency: scope.rootAgencyId ?? null, title: scope.title },
      total: states.length,
      byState: countByState(states),
      byMau08Status: countByMau08Status(states),
      overdue: { today, total: byAppraiser.reduce((n, g) => n + g.count, 0), byAppraiser },
      approvals: {
        approvedCount: approved.length,
        medianCalendarDaysToApproval: median(approved.map((d) => calendarDaysBetween(d.firstSubmittedOn!, d.approvedOn!))),
        medianWorkingDaysToApproval: median(approved.map((d) => calendar.workingDaysBetween(d.firstSubmittedOn!, d.approvedOn!))),
      },
    };
  }

  private dossiersAsOf(
    em: EntityManager,
    provinceCode: string,
    asOf: string,
    ownerIds: string[] | null,
  ): Promise<{ state: DossierStatus | null; firstSubmittedOn: string | null; approvedOn: string | null }[]> {
    return em.query(
      `WITH sys AS (${SCOPE_SYSTEMS_AS_OF})
       SELECT ${DOSSIER_STATE_AS_OF} AS state,
              to_char((d.first_submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'YYYY-MM-DD') AS "firstSubmittedOn",
              to_char((d.approved_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'YYYY-MM-DD') AS "approvedOn"
         FROM dossiers d WHERE d.system_id IN (SELECT id FROM sys)`,
      [provinceCode, asOf, ownerIds],
    );
  }

  /** Dossiers waiting on the validity check, the appraisal or the approval whose limit passed before today. */
  private overdueToday(em: EntityManager, provinceCode: string, today: string, ownerIds: string[] | null): Promise<OverdueRow[]> {
    return em.query(
      `WITH sys AS (${SCOPE_SYSTEMS_AS_OF})
       SELECT d.id, d.status, to_char(d.due_on, 'YYYY-MM-DD') AS "dueOn", d.due_kind AS "dueKind",
              d.appraiser_agency_id AS "appraiserAgencyId", d.appraiser_name AS "appraiserName",
              s.name AS "systemName", v.name AS "ownerName"
         FROM dossiers d
         JOIN sys ON sys.id = d.system_id
         JOIN systems s ON s.id = d.system_id
         LEFT JOIN agency_versions v ON v.agency_id = sys.owner_agency_id AND v.valid_from <= $2 AND (v.valid_to IS NULL OR v.valid_to >= $2)
        WHERE d.status IN ('SUBMITTED', 'UNDER_APPRAISAL', 'APPRAISED') AND d.due_on < $2
        ORDER BY d.due_on`,
      [provinceCode, today, ownerIds],
    );
  }
}
