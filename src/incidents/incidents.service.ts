import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth-user';
import { roleHas } from '../auth/permissions';
import { Clock } from '../common/clock';
import { DomainError, notFound, versionConflict } from '../common/errors/domain-error';
import { Page } from '../common/http/pagination';
import { toNfc } from '../common/text/vietnamese';
import { CreateIncidentDto, IncidentDto, IncidentEventDto, IncidentListQuery, UpdateIncidentDto } from './dto/incident.dto';
import { clocksStillRunning, externalAssessmentRequired, INCIDENT_CLOCK_LABELS } from './incident-clocks';
import { Incident } from './incident.entity';
import { mapIncident } from './incident.mapper';

export interface IncidentRegister {
  system: { id: string; name: string };
  canWrite: boolean;
  incidents: IncidentDto[];
  open: number;
  /** Open incidents with a clock past its deadline. */
  overdue: number;
}

interface SystemRef {
  id: string;
  name: string;
  owner_agency_id: string;
  operator_agency_id: string;
  province_code: string;
  state_secret: boolean;
}

/** The incident register of a system: recording, updating, closing, listing (ND331 Art. 31.2.c–d). */
@Injectable()
export class IncidentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async listForSystem(user: AuthUser, systemId: string): Promise<IncidentDto[]> {
    const system = await this.visibleSystem(this.dataSource.manager, user, systemId);
    const rows = await this.dataSource.getRepository(Incident).find({
      where: { systemId },
      order: { status: 'DESC', detectedAt: 'DESC' },
    });
    const now = this.clock.now();
    return rows.map((r) => mapIncident(r, system.name, now));
  }

  /** The system's register as its page shows it: open incidents first, whether the user may record, one-line summary. */
  async register(user: AuthUser, systemId: string): Promise<IncidentRegister> {
    const em = this.dataSource.manager;
    const system = await this.visibleSystem(em, user, systemId);
    const target = {
      ownerAgencyId: system.owner_agency_id,
      operatorAgencyId: system.operator_agency_id,
      provinceCode: system.province_code,
    };
    const incidents = await this.listForSystem(user, systemId);
    const open = incidents.filter((i) => i.status === 'OPEN');
    return {
      system: { id: system.id, name: system.name },
      canWrite: !system.state_secret && roleHas(user.role, 'incident:write') && this.access.canWriteSystemOf(user, target),
      incidents,
      open: open.length,
      overdue: open.filter((i) => i.clocks.some((c) => c.overdue)).length,
    };
  }

  async get(user: AuthUser, systemId: string, incidentId: string): Promise<IncidentDto> {
    const em = this.dataSource.manager;
    const system = await this.visibleSystem(em, user, systemId);
    const incident = await this.incidentOf(em, systemId, incidentId);
    return { ...mapIncident(incident, system.name, this.clock.now()), events: await this.events(em, incidentId) };
  }

  async create(user: AuthUser, systemId: string, body: CreateIncidentDto): Promise<IncidentDto> {
    const now = this.clock.now();
    const detectedAt = instant(body.detectedAt, 'detectedAt');
    if (detectedAt.getTime() > now.getTime())
      throw new DomainError('INCIDENT_TIME_INVALID', 'Thời điểm phát hiện sự cố sau thời điểm hiện tại.', {
        detectedAt: ['Thời điểm phát hiện không được ở tương lai.'],
      });
    const nationalSecurity = body.nationalSecurity ?? false;
    const id = await this.dataSource.transaction(async (em) => {
      const system = await this.writableSystem(em, user, systemId);
      // A state-secret system keeps minimal metadata only (docs/legal/state-secret.md): its incidents are reported under
      // the secrecy regime, never written on this networked system.
      if (system.state_secret)
        throw new DomainError(
          'STATE_SECRET_MINIMAL_METADATA',
          'Sự cố của hệ thống xử lý thông tin bí mật nhà nước được báo cáo theo chế độ mật, không ghi trên hệ thống nối mạng.',
        );
      const [row]: { id: string }[] = await em.query(
        `INSERT INTO incidents (system_id, detected_at, severity, national_security, title, description, actions,
                                external_assessment_required, reported_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id`,
        [
          systemId,
          detectedAt,
          body.severity,
          nationalSecurity,
          toNfc(body.title.trim()),
          toNfc(body.description?.trim() ?? ''),
          toNfc(body.actions?.trim() ?? ''),
          externalAssessmentRequired({ severity: body.severity, nationalSecurity }),
          user.id,
          now,
        ],
      );
      await this.recordEvent(em, row.id, 'CREATED', { severity: body.severity, nationalSecurity }, user.id, now);
      await this.audit.record(em, {
        action: 'CREATE',
        entityType: 'incident',
        entityId: row.id,
        after: { systemId, detectedAt: detectedAt.toISOString(), severity: body.severity, nationalSecurity },
      });
      return row.id;
    });
    return this.get(user, systemId, id);
  }

  async update(user: AuthUser, systemId: string, incidentId: string, body: UpdateIncidentDto): Promise<IncidentDto> {
    const now = this.clock.now();
    await this.dataSource.transaction(async (em) => {
      await this.writableSystem(em, user, systemId);
      const incident = await this.incidentOf(em, systemId, incidentId);
      if (incident.status === 'CLOSED') throw new DomainError('INCIDENT_CLOSED', 'Sự cố đã đóng; không sửa được nữa.');
      const next: Incident = { ...incident };
      const changes: Record<string, unknown> = {};
      const set = <K extends keyof Incident>(key: K, value: Incident[K] | undefined) => {
        if (value === undefined) return;
        const before = incident[key];
        const same = before instanceof Date && value instanceof Date ? before.getTime() === value.getTime() : before === value;
        if (same) return;
        next[key] = value;
        changes[key] = value instanceof Date ? value.toISOString() : value;
      };
      set('severity', body.severity);
      set('nationalSecurity', body.nationalSecurity);
      set('title', body.title === undefined ? undefined : toNfc(body.title.trim()));
      set('description', body.description === undefined ? undefined : toNfc(body.description.trim()));
      set('actions', body.actions === undefined ? undefined : toNfc(body.actions.trim()));
      set('initialNoticeSentAt', this.sentAt(body.initialNoticeSentAt, 'initialNoticeSentAt', incident.detectedAt, now));
      set('reportSentAt', this.sentAt(body.reportSentAt, 'reportSentAt', incident.detectedAt, now));
      next.externalAssessmentRequired = incident.externalAssessmentRequired || externalAssessmentRequired(next);
      if (body.status === 'CLOSED') {
        const running = clocksStillRunning(next, now);
        if (running.length)
          throw new DomainError(
            'INCIDENT_CLOCKS_RUNNING',
            `Chưa ghi nhận đã gửi: ${running.map((c) => INCIDENT_CLOCK_LABELS[c].toLocaleLowerCase('vi')).join('; ')} (điểm d khoản 2 Điều 31 Nghị định 331/2026/NĐ-CP).`,
          );
        next.status = 'CLOSED';
        next.closedAt = now;
        changes.status = 'CLOSED';
      }
      const result: unknown[] = await em.query(
        `WITH updated AS (UPDATE incidents SET severity = $3, national_security = $4, title = $5, description = $6, actions = $7,
                initial_notice_sent_at = $8, report_sent_at = $9, external_assessment_required = $10, status = $11,
                closed_at = $12, version = version + 1, updated_at = $13
          WHERE id = $1 AND version = $2 RETURNING id) SELECT id FROM updated`,
        [
          incidentId,
          body.version,
          next.severity,
          next.nationalSecurity,
          next.title,
          next.description,
          next.actions,
          next.initialNoticeSentAt,
          next.reportSentAt,
          next.externalAssessmentRequired,
          next.status,
          next.closedAt,
          now,
        ],
      );
      if (result.length === 0) throw versionConflict();
      await this.recordEvent(em, incidentId, eventKind(changes), changes, user.id, now);
      await this.audit.record(em, { action: 'UPDATE', entityType: 'incident', entityId: incidentId, after: changes });
    });
    return this.get(user, systemId, incidentId);
  }

  /** Across the systems the user sees: appraisers and leaders their province, administrators all, officers their agency. */
  async list(user: AuthUser, query: IncidentListQuery): Promise<Page<IncidentDto>> {
    const scope = this.access.systemScope(user, 's');
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const qb = this.dataSource
      .getRepository(Incident)
      .createQueryBuilder('i')
      .innerJoin('systems', 's', 's.id = i.system_id')
      .addSelect('s.name', 'system_name')
      .where(scope.sql, scope.params);
    if (query.status) qb.andWhere('i.status = :status', { status: query.status });
    if (query.agencyId) qb.andWhere('(s.owner_agency_id = :agency OR s.operator_agency_id = :agency)', { agency: query.agencyId });
    const total = await qb.getCount();
    const { entities, raw } = await qb
      .orderBy('i.status', 'DESC')
      .addOrderBy('i.detected_at', 'DESC')
      .addOrderBy('i.id')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getRawAndEntities<{ system_name: string }>();
    const now = this.clock.now();
    return { items: entities.map((e, i) => mapIncident(e, raw[i].system_name, now)), total, page, pageSize };
  }

  private sentAt(value: string | undefined, field: string, detectedAt: Date, now: Date): Date | undefined {
    if (value === undefined) return undefined;
    const at = instant(value, field);
    if (at.getTime() < detectedAt.getTime() || at.getTime() > now.getTime())
      throw new DomainError('INCIDENT_TIME_INVALID', 'Thời điểm gửi phải từ lúc phát hiện sự cố đến hiện tại.', {
        [field]: ['Thời điểm gửi phải từ lúc phát hiện sự cố đến hiện tại.'],
      });
    return at;
  }

  private async visibleSystem(em: EntityManager, user: AuthUser, systemId: string): Promise<SystemRef> {
    const scope = this.access.systemScope(user, 's');
    const system = await em
      .createQueryBuilder()
      .select([
        's.id AS id',
        's.name AS name',
        's.owner_agency_id AS owner_agency_id',
        's.operator_agency_id AS operator_agency_id',
        's.province_code AS province_code',
        's.state_secret AS state_secret',
      ])
      .from('systems', 's')
      .where('s.id = :systemId', { systemId })
      .andWhere(scope.sql, scope.params)
      .getRawOne<SystemRef>();
    if (!system) throw notFound('Không tìm thấy hệ thống thông tin.');
    return system;
  }

  /** Officers of the owner or the operator (and administrators) record incidents; others get 403 if they can see it. */
  private async writableSystem(em: EntityManager, user: AuthUser, systemId: string): Promise<SystemRef> {
    const system = await this.visibleSystem(em, user, systemId);
    const target = {
      ownerAgencyId: system.owner_agency_id,
      operatorAgencyId: system.operator_agency_id,
      provinceCode: system.province_code,
    };
    if (!this.access.canWriteSystemOf(user, target))
      throw new DomainError('FORBIDDEN', 'Chỉ cán bộ của chủ quản hoặc đơn vị vận hành hệ thống ghi nhận sự cố.');
    return system;
  }

  private async incidentOf(em: EntityManager, systemId: string, incidentId: string): Promise<Incident> {
    const incident = await em.getRepository(Incident).findOneBy({ id: incidentId, systemId });
    if (!incident) throw notFound('Không tìm thấy sự cố.');
    return incident;
  }

  private async events(em: EntityManager, incidentId: string): Promise<IncidentEventDto[]> {
    const rows: { kind: string; at: Date; actor_name: string | null; changes: Record<string, unknown> }[] = await em.query(
      `SELECT e.kind, e.at, u.full_name AS actor_name, e.changes
         FROM incident_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.incident_id = $1 ORDER BY e.at, e.id`,
      [incidentId],
    );
    return rows.map((r) => ({ kind: r.kind, at: r.at.toISOString(), actorName: r.actor_name, changes: r.changes }));
  }

  private async recordEvent(
    em: EntityManager,
    incidentId: string,
    kind: string,
    changes: object,
    actorId: string,
    at: Date,
  ): Promise<void> {
    await em.query(`INSERT INTO incident_events (incident_id, kind, changes, actor_id, at) VALUES ($1, $2, $3, $4, $5)`, [
      incidentId,
      kind,
      JSON.stringify(changes),
      actorId,
      at,
    ]);
  }
}

/** An ISO 8601 moment PostgreSQL can store (years 1–9999); anything else is refused as 422, never a 500. */
function instant(value: string, field: string): Date {
  const at = new Date(value);
  const year = at.getUTCFullYear();
  if (Number.isNaN(at.getTime()) || year < 1 || year > 9999)
    throw new DomainError('INCIDENT_TIME_INVALID', 'Thời điểm không hợp lệ.', { [field]: ['Thời điểm không hợp lệ (ISO 8601).'] });
  return at;
}

function eventKind(changes: Record<string, unknown>): string {
  if (changes.status === 'CLOSED') return 'CLOSED';
  if ('reportSentAt' in changes) return 'REPORT_SENT';
  if ('initialNoticeSentAt' in changes) return 'NOTICE_SENT';
  return 'UPDATED';
}
