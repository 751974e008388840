import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { JobsService } from '../notifications/jobs.service';
import { NotificationsService } from '../notifications/notifications.service';
import type { NotificationRecipients } from '../notifications/notification-recipients';
import { dueReminders, DueReminder, INCIDENT_CLOCK_LABELS, incidentReminderKey } from './incident-clocks';
import { Incident } from './incident.entity';

export const INCIDENT_CLOCKS_JOB = 'incident-clock-reminders';

interface OpenIncidentRow {
  id: string;
  system_id: string;
  system_name: string;
  owner_agency_id: string;
  operator_agency_id: string;
  police_agency_id: string | null;
}

const TIME = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour12: false,
});

/** "09:30 ngày 02/12/2026", Vietnam time. */
export function vietnamTime(at: Date): string {
  const p = Object.fromEntries(TIME.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.hour}:${p.minute} ngày ${p.day}/${p.month}/${p.year}`;
}

/**
 * Every 15 minutes: for each open incident, the reminders its clocks owe now (incident-clocks.ts), to the owner's
 * officers and leadership, the operator's officers and the provincial police (the province's police agency, its
 * appraisers), each moment once per recipient through the dedupe key. pg-boss runs the slot once across instances.
 */
@Injectable()
export class IncidentRemindersService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.registerRecurring(INCIDENT_CLOCKS_JOB, '*/15 * * * *', () => this.run().then(() => undefined));
  }

  /** Returns the number of inbox rows created (0 on a re-run of the same moment). */
  async run(now: Date = this.clock.now()): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      const rows: OpenIncidentRow[] = await em.query(
        `SELECT i.id, i.system_id, s.name AS system_name, s.owner_agency_id, s.operator_agency_id,
                (SELECT p.id FROM agencies p WHERE p.kind = 'police' AND p.province_code = s.province_code AND p.status = 'ACTIVE'
                  ORDER BY p.code LIMIT 1) AS police_agency_id
           FROM incidents i JOIN systems s ON s.id = i.system_id
          WHERE i.status = 'OPEN' AND (i.report_sent_at IS NULL OR i.initial_notice_sent_at IS NULL)`,
      );
      if (rows.length === 0) return 0;
      const incidents = await em.getRepository(Incident).findBy(rows.map((r) => ({ id: r.id })));
      const byId = new Map(incidents.map((i) => [i.id, i]));
      let created = 0;
      for (const row of rows) {
        const incident = byId.get(row.id);
        if (!incident) continue;
        for (const reminder of dueReminders(incident, now)) created += await this.remind(em, row, incident, reminder);
      }
      return created;
    });
  }

  /** The register page, absolute when PUBLIC_URL is set (as the e-mail's dossier links are). */
  private pageUrl(systemId: string): string {
    return `${(this.config.PUBLIC_URL ?? '').replace(/\/+$/, '')}/he-thong/${systemId}/su-co`;
  }

  private async remind(em: EntityManager, row: OpenIncidentRow, incident: Incident, r: DueReminder): Promise<number> {
    const label = INCIDENT_CLOCK_LABELS[r.clock];
    const due = r.immediate ? 'ngay khi phát hiện' : `hạn ${vietnamTime(r.dueAt)}`;
    const title =
      r.moment === 'at'
        ? `Đến hạn ${label.toLocaleLowerCase('vi')} sự cố: ${row.system_name}`
        : `Sắp đến hạn ${label.toLocaleLowerCase('vi')} sự cố: ${row.system_name}`;
    const body = [
      `Sự cố "${incident.title}" của hệ thống "${row.system_name}" phát hiện lúc ${vietnamTime(incident.detectedAt)}.`,
      `${label}: ${due} (${r.article}). ${r.moment === 'at' ? 'Đã đến hạn mà chưa ghi nhận đã gửi.' : 'Chưa ghi nhận đã gửi.'}`,
      `Xem và ghi nhận: ${this.pageUrl(row.system_id)}`,
    ].join('\n');
    const dedupeKey = incidentReminderKey(incident.id, r.clock, r.moment);
    const groups: NotificationRecipients[] = [
      { agencyId: row.owner_agency_id, roles: ['AGENCY_OFFICER', 'AGENCY_HEAD'] },
      { agencyId: row.operator_agency_id, roles: ['AGENCY_OFFICER'] },
      ...(row.police_agency_id ? [{ agencyId: row.police_agency_id, roles: ['APPRAISER' as const] }] : []),
    ];
    let created = 0;
    for (const recipients of groups)
      created += await this.notifications.notify(em, { recipients, kind: 'INCIDENT_CLOCK', title, body, dedupeKey });
    return created;
  }
}
