import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { JobsService } from '../notifications/jobs.service';
import { NotificationsService } from '../notifications/notifications.service';
import { reminderDedupeKey, reminderStage, reminderWords } from '../notifications/reminder-schedule';

interface DueItem {
  id: string;
  system_id: string;
  title: string;
  planned_date: string;
  system_name: string;
  owner_agency_id: string;
  operator_agency_id: string;
}

/**
 * Every morning: the operator's and the owner's officers are reminded of each open item of an approved plan 30, 7 and
 * 1 days before its planned date, and every day once it is overdue (notifications/reminder-schedule.ts). One
 * notification per recipient per item per day: the dedupe key carries the day, so a re-run is harmless.
 */
@Injectable()
export class PlanItemRemindersService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.registerRecurring('plan-item-reminders', '15 7 * * *', () => this.run().then(() => undefined));
  }

  async run(today: string = this.clock.today()): Promise<{ reminded: number }> {
    return this.dataSource.transaction(async (em) => {
      const due: DueItem[] = await em.query(
        `SELECT p.id, p.system_id, p.title, to_char(p.planned_date, 'YYYY-MM-DD') AS planned_date, s.name AS system_name,
                s.owner_agency_id, s.operator_agency_id
           FROM plan_items p JOIN systems s ON s.id = p.system_id
          WHERE p.superseded_at IS NULL AND p.status IN ('NOT_STARTED', 'IN_PROGRESS') AND s.lifecycle <> 'RETIRED'
            AND (p.planned_date < $1::date OR p.planned_date IN ($1::date + 1, $1::date + 7, $1::date + 30))
          ORDER BY p.planned_date, p.id`,
        [today],
      );
      let reminded = 0;
      for (const item of due) {
        const stage = reminderStage(item.planned_date, today);
        const dedupeKey = reminderDedupeKey('plan-item', item.id, item.planned_date, today);
        if (!stage || !dedupeKey) continue;
        const date = item.planned_date.split('-').reverse().join('/');
        for (const agencyId of new Set([item.operator_agency_id, item.owner_agency_id])) {
          reminded += await this.notifications.notify(em, {
            recipients: { agencyId, roles: ['AGENCY_OFFICER'] },
            kind: 'PLAN_ITEM_DUE',
            title: `Phương án ${reminderWords(stage)}: ${item.system_name}`,
            body:
              stage === 'OVERDUE'
                ? `Hạng mục "${item.title}" có thời hạn triển khai ${date} đã quá hạn. Cập nhật tại trang Phương án của hệ thống (/he-thong/${item.system_id}/phuong-an).`
                : `Hạng mục "${item.title}" có thời hạn triển khai ${date} (${reminderWords(stage)}). Cập nhật tại trang Phương án của hệ thống (/he-thong/${item.system_id}/phuong-an).`,
            dedupeKey,
          });
        }
      }
      return { reminded };
    });
  }
}
