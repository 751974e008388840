import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { JobsService } from '../notifications/jobs.service';
import { NotificationsService } from '../notifications/notifications.service';
import { reminderStage, reminderWords } from '../notifications/reminder-schedule';
import { CAMPAIGN_OVERDUE_REMINDER_DAYS, campaignReminderDue } from './campaign-reminder-schedule';
import { ReportProgressCache } from './report-progress-cache';

/**
 * Every morning: each body a campaign is addressed to and that has not submitted a dossier yet is reminded (its
 * officers and heads), 30, 7 and 1 days before the campaign's deadline and daily for a month after it. One
 * notification per body per campaign per day (the dedupe key carries the campaign, the body and the day).
 */
@Injectable()
export class CampaignRemindersService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly notifications: NotificationsService,
    private readonly progressCache: ReportProgressCache,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.registerRecurring('campaign-reminders', '30 7 * * *', () => this.run().then(() => undefined));
  }

  async run(today: string = this.clock.today()): Promise<number> {
    const campaigns: { id: string; number: string; title: string; deadline: string; province_code: string }[] = await this.dataSource.query(
      `SELECT id, number, title, to_char(deadline, 'YYYY-MM-DD') AS deadline, province_code FROM campaigns
        WHERE issued_on <= $1 AND deadline >= ($1::date - $2::int)`,
      [today, CAMPAIGN_OVERDUE_REMINDER_DAYS],
    );
    let sent = 0;
    for (const c of campaigns.filter((x) => campaignReminderDue(x.deadline, today))) {
      const progress = await this.progressCache.progress({ provinceCode: c.province_code, asOf: today }, { primary: true });
      const addressed: { agency_id: string }[] = await this.dataSource.query(
        `SELECT agency_id FROM campaign_agencies WHERE campaign_id = $1`,
        [c.id],
      );
      const ids = new Set(addressed.map((a) => a.agency_id));
      const missing = progress.filter((r) => ids.has(r.id) && r.firstSubmittedOn === null);
      const stage = reminderStage(c.deadline, today)!;
      const by = c.deadline.split('-').reverse().join('/');
      sent += await this.dataSource.transaction(async (em) => {
        let n = 0;
        for (const body of missing) {
          n += await this.notifications.notify(em, {
            recipients: { agencyId: body.id, roles: ['AGENCY_OFFICER', 'AGENCY_HEAD'] },
            kind: 'CAMPAIGN_REMINDER',
            title: `Văn bản ${c.number}: ${reminderWords(stage)}`,
            body: `Theo văn bản ${c.number} (${c.title}), hạn gửi hồ sơ đề xuất cấp độ là ngày ${by}. Cơ quan chưa gửi hồ sơ nào.`,
            dedupeKey: `campaign:${c.id}:${body.id}:${today}`,
          });
        }
        return n;
      });
    }
    return sent;
  }
}
