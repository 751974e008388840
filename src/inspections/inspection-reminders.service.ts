import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { JobsService } from '../notifications/jobs.service';
import { NotificationKind } from '../notifications/notification-kinds';
import { NotificationsService } from '../notifications/notifications.service';
import { reminderDedupeKey, reminderStage, reminderWords } from '../notifications/reminder-schedule';
import { mapSchedule, policyInForce, ScheduleRow, scheduleRowsSql, vnDate } from './inspections.query';

export const INSPECTION_REMINDERS_JOB = 'inspection-reminders';

interface OpenFinding {
  id: string;
  description: string;
  due_on: string;
  system_name: string;
  owner_agency_id: string;
  operator_agency_id: string;
}

/**
 * Every morning: 30, 7 and 1 days before each due inspection and each open finding's due date, and every day once
 * overdue (src/notifications/reminder-schedule.ts), to the officers of the owner and of the operator. One notification per
 * recipient per item per day: the dedupe key carries the day, so a re-run the same day sends nothing new.
 */
@Injectable()
export class InspectionRemindersService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.registerRecurring(INSPECTION_REMINDERS_JOB, '10 7 * * *', () => this.run().then(() => undefined));
  }

  async run(today: string = this.clock.today()): Promise<{ inspections: number; findings: number }> {
    return this.dataSource.transaction(async (em) => {
      const policy = await policyInForce(em);
      const systems: ScheduleRow[] = await em.query(scheduleRowsSql('s.approved_level IS NOT NULL AND s.retired_at IS NULL'), [today]);
      let inspections = 0;
      for (const row of systems) {
        const schedule = mapSchedule(row, today, policy);
        if (!schedule.nextDueOn) continue;
        const stage = reminderStage(schedule.nextDueOn, today);
        const key = reminderDedupeKey('inspection', row.id, schedule.nextDueOn, today);
        if (!stage || !key) continue;
        inspections += await this.notifyBoth(em, row, 'INSPECTION_DUE', {
          title: `Kiểm tra, đánh giá ${reminderWords(stage)}: ${row.name}`,
          body: `Hạn kiểm tra, đánh giá an ninh mạng của hệ thống là ngày ${vnDate(schedule.nextDueOn)} (${schedule.articles.join('; ')}).`,
          dedupeKey: key,
        });
      }
      const findings: OpenFinding[] = await em.query(
        `SELECT f.id, f.description, to_char(f.due_on, 'YYYY-MM-DD') AS due_on, s.name AS system_name, s.owner_agency_id, s.operator_agency_id
           FROM inspection_findings f JOIN systems s ON s.id = f.system_id
          WHERE f.status = 'OPEN' AND s.retired_at IS NULL AND f.due_on <= ($1::date + 30)`,
        [today],
      );
      let remediation = 0;
      for (const f of findings) {
        const stage = reminderStage(f.due_on, today);
        const key = reminderDedupeKey('finding', f.id, f.due_on, today);
        if (!stage || !key) continue;
        remediation += await this.notifyBoth(
          em,
          { name: f.system_name, owner_agency_id: f.owner_agency_id, operator_agency_id: f.operator_agency_id },
          'REMEDIATION_DUE',
          {
            title: `Khắc phục sau kiểm tra ${reminderWords(stage)}: ${f.system_name}`,
            body: `Tồn tại “${f.description.slice(0, 200)}” phải khắc phục xong trước ngày ${vnDate(f.due_on)}.`,
            dedupeKey: key,
          },
        );
      }
      return { inspections, findings: remediation };
    });
  }

  private async notifyBoth(
    em: EntityManager,
    system: { name: string; owner_agency_id: string; operator_agency_id: string },
    kind: NotificationKind,
    message: { title: string; body: string; dedupeKey: string },
  ): Promise<number> {
    let created = 0;
    for (const agencyId of new Set([system.owner_agency_id, system.operator_agency_id])) {
      created += await this.notifications.notify(em, { recipients: { agencyId, roles: ['AGENCY_OFFICER'] }, kind, ...message });
    }
    return created;
  }
}
