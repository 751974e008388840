import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../common/clock';
import { JobsService } from '../notifications/jobs.service';
import { NotificationsService } from '../notifications/notifications.service';
import { DUE_KIND_LABELS, DueKind } from '../dossiers/dossier-due';
import type { Role } from '../users/role';

interface OpenDossier {
  id: string;
  status: string;
  due_on: string;
  due_kind: DueKind;
  appraiser_agency_id: string | null;
  approver_agency_id: string | null;
  approver_kind: string | null;
  owner_agency_id: string;
  system_name: string;
}

/**
 * Every morning: a reminder to the body whose turn it is when a statutory limit falls within 2 working days,
 * and an overdue notice once it has passed. pg-boss runs the schedule once across all instances, and the
 * dedupe keys make a re-run harmless.
 */
/** Who is reminded: the appraising unit, the approving unit, or the owner's leadership for a Tờ trình (Art. 20.3.b). */
function reminderRecipients(d: OpenDossier): { agencyId?: string; roles: Role[] } {
  if (d.status === 'AWAITING_APPROVAL' && d.approver_kind === 'OWNER') return { agencyId: d.owner_agency_id, roles: ['AGENCY_HEAD'] };
  const approving = d.status === 'APPRAISED' || d.status === 'AWAITING_APPROVAL';
  const agencyId = approving ? (d.approver_kind === 'AGENCY' ? d.approver_agency_id : null) : d.appraiser_agency_id;
  return agencyId ? { agencyId, roles: approving ? ['APPRAISER', 'AGENCY_HEAD'] : ['APPRAISER'] } : { roles: ['ADMIN'] };
}

@Injectable()
export class DueRemindersService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly notifications: NotificationsService,
    private readonly calendars: CalendarService,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.registerRecurring('due-date-reminders', '0 7 * * 1-6', () => this.run().then(() => undefined));
  }

  async run(today: string = this.clock.today()): Promise<{ dueSoon: number; overdue: number }> {
    const calendar = await this.calendars.calendar();
    const soon = calendar.addWorkingDays(today, 2);
    return this.dataSource.transaction(async (em) => {
      const open: OpenDossier[] = await em.query(
        `SELECT d.id, d.status, to_char(d.due_on, 'YYYY-MM-DD') AS due_on, d.due_kind, d.appraiser_agency_id, d.approver_agency_id, d.approver_kind,
                d.owner_agency_id, s.name AS system_name
           FROM dossiers d JOIN systems s ON s.id = d.system_id
          WHERE d.status IN ('SUBMITTED', 'UNDER_APPRAISAL', 'APPRAISED', 'AWAITING_APPROVAL') AND d.due_on IS NOT NULL AND d.due_on <= $1`,
        [soon],
      );
      let dueSoon = 0;
      let overdue = 0;
      for (const d of open) {
        const late = d.due_on < today;
        const recipients = reminderRecipients(d);
        const label = DUE_KIND_LABELS[d.due_kind] ?? 'Hạn xử lý';
        const date = d.due_on.split('-').reverse().join('/');
        const created = await this.notifications.notify(em, {
          recipients,
          kind: late ? 'OVERDUE' : 'DUE_SOON',
          title: late ? `Quá hạn: ${d.system_name}` : `Sắp đến hạn: ${d.system_name}`,
          body: late ? `${label} là ngày ${date} đã qua; hồ sơ đang quá hạn.` : `${label} là ngày ${date} (còn không quá 2 ngày làm việc).`,
          dossierId: d.id,
          dedupeKey: `${late ? 'overdue' : 'due-soon'}:${d.id}:${d.due_on}`,
        });
        if (late) overdue += created;
        else dueSoon += created;
      }
      return { dueSoon, overdue };
    });
  }
}
