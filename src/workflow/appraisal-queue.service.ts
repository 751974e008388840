import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { QueuePageDto, QueueQuery } from './dto/history.dto';
import { DossierStatus, statusLabel } from '../dossiers/dossier-status';
import { DUE_KIND_LABELS, DueKind } from '../dossiers/dossier-due';
import { CalendarService } from '../calendar/calendar.service';
import { unconfirmedDaysOfClock, unconfirmedDaysWarning } from '../calendar/unconfirmed-days';
import { mayReturnForSupplement } from './statutory-deadlines';

/**
 * What an appraising body has to do, most urgent first: dossiers routed to it to check or appraise, and dossiers
 * appraised and waiting for its approval. Administrators see the dossiers routed to external bodies.
 */
interface QueueRow {
  id: string;
  status: DossierStatus;
  proposed_level: number;
  regime: string;
  current_revision: number;
  received_on: string | null;
  due_on: string | null;
  due_kind: string | null;
  validity_due_on: string | null;
  appraisal_due_on: string | null;
  approval_request: { submittedOn: string } | null;
  version: number;
  system_id: string;
  system_code: string;
  system_name: string;
  owner_id: string;
  owner_code: string;
  owner_name: string;
}

/**
 * Which dossiers wait on the user's desk (ND331 Arts. 18, 20): an administrator records what bodies outside capdo
 * decide (a ministry's or a council's appraisal, the owner's paper decision, the Prime Minister's List); the owner's
 * leadership sends level 4–5 dossiers and approves on the Tờ trình; an appraising unit checks and appraises, gives its
 * professional opinion as the owner's specialised unit, and approves levels 1–2 (or what the owner designated it to).
 */
function deskCondition(user: AuthUser): string {
  if (user.role === 'ADMIN')
    return `((d.appraiser_agency_id IS NULL AND d.appraiser_name IS NOT NULL AND d.status IN ('SUBMITTED','UNDER_APPRAISAL'))
             OR (d.approver_kind <> 'AGENCY' AND d.status IN ('APPRAISED','AWAITING_APPROVAL')) OR d.status = 'AWAITING_LISTING'
             OR d.appraiser_agency_id = $1)`;
  if (user.role === 'AGENCY_HEAD')
    return `((d.owner_agency_id = $1 AND (d.status = 'OPINION_GIVEN' OR (d.status = 'RETURNED' AND d.opinion_request IS NOT NULL)
                                          OR (d.status = 'AWAITING_APPROVAL' AND d.approver_kind = 'OWNER')))
             OR (d.approver_agency_id = $1 AND d.approver_kind = 'AGENCY' AND (d.status = 'AWAITING_APPROVAL' OR (d.status = 'APPRAISED' AND d.proposed_level <= 2))))`;
  return `((d.appraiser_agency_id = $1 AND d.status IN ('SUBMITTED','UNDER_APPRAISAL'))
           OR (d.specialised_unit_agency_id = $1 AND d.status = 'AWAITING_OPINION')
           OR (d.approver_agency_id = $1 AND d.approver_kind = 'AGENCY' AND (d.status = 'AWAITING_APPROVAL' OR (d.status = 'APPRAISED' AND d.proposed_level <= 2))))`;
}

@Injectable()
export class AppraisalQueueService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly calendars: CalendarService,
  ) {}

  async queue(user: AuthUser, query: QueueQuery): Promise<QueuePageDto> {
    const today = this.clock.today();
    const mine = deskCondition(user);
    const where = `${mine} AND ($2::text IS NULL OR d.status = $2)`;
    const [counts]: { total: number; overdue: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE d.due_on < $3)::int AS overdue FROM dossiers d WHERE ${where}`,
      [user.agencyId, query.status ?? null, today],
    );
    const rows: QueueRow[] = await this.dataSource.query(
      `SELECT d.id, d.status, d.proposed_level, d.regime, d.current_revision, d.received_on, d.due_on, d.due_kind, d.version,
              d.validity_due_on, d.appraisal_due_on, d.approval_request,
              s.id AS system_id, s.code AS system_code, s.name AS system_name, a.id AS owner_id, a.code AS owner_code, a.name AS owner_name
         FROM dossiers d JOIN systems s ON s.id = d.system_id JOIN agencies a ON a.id = d.owner_agency_id
        WHERE ${where}
        ORDER BY d.due_on ASC NULLS LAST, d.received_on ASC, d.id
        LIMIT $3 OFFSET $4`,
      [user.agencyId, query.status ?? null, query.pageSize, (query.page - 1) * query.pageSize],
    );
    const calendar = await this.calendars.calendar();
    return {
      items: rows.map((r) => ({
        id: r.id,
        system: { id: r.system_id, code: r.system_code, name: r.system_name },
        owner: { id: r.owner_id, code: r.owner_code, name: r.owner_name },
        status: r.status,
        statusLabel: statusLabel(r.status),
        proposedLevel: r.proposed_level,
        regime: r.regime,
        revision: r.current_revision,
        receivedOn: r.received_on,
        dueOn: r.due_on,
        dueKindLabel: r.due_kind ? DUE_KIND_LABELS[r.due_kind as DueKind] : null,
        overdue: r.due_on !== null && today > r.due_on,
        // Both dates of the receipt stay visible (ND331 Art. 23.2–23.3); a return is open until the first one.
        validityDueOn: r.validity_due_on,
        appraisalDueOn: r.appraisal_due_on,
        returnAllowed: (r.status === 'SUBMITTED' || r.status === 'UNDER_APPRAISAL') && mayReturnForSupplement(r.validity_due_on, today),
        calendarWarning: r.due_on
          ? unconfirmedDaysWarning(
              unconfirmedDaysOfClock(calendar, r.received_on ?? r.approval_request?.submittedOn ?? null, [
                r.validity_due_on,
                r.appraisal_due_on,
                r.due_on,
              ]),
            )
          : null,
        version: r.version,
      })),
      total: counts.total,
      overdue: counts.overdue,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
