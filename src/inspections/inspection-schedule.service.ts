import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { Page } from '../common/http/pagination';
import { InspectionDueRowDto, InspectionScheduleDto, InspectionsDueQuery } from './dto/inspection.dto';
import { visibleSystem } from './inspection-access';
import { mapSchedule, policyInForce, ScheduleRow, scheduleRowsSql } from './inspections.query';

/** The next due inspection of one system, and the province's list of due and overdue inspections. */
@Injectable()
export class InspectionScheduleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async forSystem(user: AuthUser, systemId: string): Promise<InspectionScheduleDto> {
    const em = this.dataSource.manager;
    await visibleSystem(em, this.access, user, systemId);
    const today = this.clock.today();
    const [row]: ScheduleRow[] = await em.query(scheduleRowsSql('s.id = $2'), [today, systemId]);
    return mapSchedule(row, today, await policyInForce(em));
  }

  /** Approved systems in the user's scope, overdue first, then by due date. */
  async due(user: AuthUser, query: InspectionsDueQuery): Promise<Page<InspectionDueRowDto>> {
    const em = this.dataSource.manager;
    const today = this.clock.today();
    const scope = this.access.systemScope(user, 's');
    const params: unknown[] = [today];
    const positional = scope.sql.replace(/:(\w+)/g, (_m, name: string) => {
      params.push(scope.params[name]);
      return `$${params.length}`;
    });
    let where = `s.approved_level IS NOT NULL AND s.retired_at IS NULL AND ${positional}`;
    if (query.agencyId) {
      params.push(query.agencyId);
      where += ` AND (s.owner_agency_id = $${params.length} OR s.operator_agency_id = $${params.length})`;
    }
    const rows: ScheduleRow[] = await em.query(scheduleRowsSql(where), params);
    const policy = await policyInForce(em);
    const all = rows
      .map((r) => mapSchedule(r, today, policy))
      .filter((r) => r.nextDueOn !== null && (!query.overdue || r.overdue))
      .sort((a, b) => (a.nextDueOn ?? '').localeCompare(b.nextDueOn ?? '') || a.systemName.localeCompare(b.systemName, 'vi'));
    const start = (query.page - 1) * query.pageSize;
    return { items: all.slice(start, start + query.pageSize), total: all.length, page: query.page, pageSize: query.pageSize };
  }
}
