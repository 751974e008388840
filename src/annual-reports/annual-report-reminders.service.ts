import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { JobsService } from '../notifications/jobs.service';
import { NotificationsService } from '../notifications/notifications.service';
import { reminderWords } from '../notifications/reminder-schedule';
import { annualBodies } from './annual-report-bodies.query';
import { ANNUAL_STAGES, annualReminderStage, deadlineYearOf, lastDayOnTime, stageDeadline } from './annual-report-deadlines';

/**
 * Every morning in the run-up to the annual deadlines (TT12 Art. 13.4, ND331 Art. 35.4): the officers and heads of
 * each body that has not recorded its report are reminded 30, 7 and 1 days before the last day on time, then daily
 * while late (to 31 December). One notification per recipient per body per stage per day (the dedupe key).
 */
@Injectable()
export class AnnualReportRemindersService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.registerRecurring('annual-report-reminders', '15 7 * * *', () => this.run().then(() => undefined));
  }

  async run(today: string = this.clock.today()): Promise<number> {
    const year = deadlineYearOf(today);
    const stages = ANNUAL_STAGES.filter((s) => annualReminderStage(year, s, today) !== null);
    if (stages.length === 0) return 0;
    return this.dataSource.transaction(async (em) => {
      const provinces: { province_code: string }[] = await em.query(
        `SELECT DISTINCT province_code FROM systems WHERE retired_at IS NULL OR retired_at > $1`,
        [today],
      );
      let sent = 0;
      for (const { province_code } of provinces) {
        const bodies = await annualBodies(em, { provinceCode: province_code, asOf: today, year, agencyId: null });
        for (const body of bodies.filter((b) => b.sent_on === null && stages.includes(b.stage))) {
          const stage = annualReminderStage(year, body.stage, today)!;
          const by = stageDeadline(year, body.stage).split('-').reverse().join('/');
          const whom = body.stage === 'UNIT_TO_OWNER' ? 'gửi chủ quản hệ thống thông tin' : 'gửi Bộ Công an';
          sent += await this.notifications.notify(em, {
            recipients: { agencyId: body.agency_id, roles: ['AGENCY_OFFICER', 'AGENCY_HEAD'] },
            kind: 'CAMPAIGN_REMINDER',
            title: `Báo cáo năm ${year}: ${reminderWords(stage)}`,
            body: `Báo cáo năm ${year} về bảo đảm an ninh mạng theo cấp độ phải ${whom} trước ngày ${by} (Nghị định 331/2026, Điều 35). Cơ quan chưa ghi nhận đã gửi.`,
            dedupeKey: `annual-report:${body.agency_id}:${year}:${body.stage}:${lastDayOnTime(year, body.stage)}:${stage}:${today}`,
          });
        }
      }
      return sent;
    });
  }
}
