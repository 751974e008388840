import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth-user';
import { regimeAtAct } from '../classification/rules/regime';
import { Clock } from '../common/clock';
import { DomainError, notFound, versionConflict } from '../common/errors/domain-error';
import { Page } from '../common/http/pagination';
import { DismissFlagDto, FlagListQuery, RecordTriggerDto, RedeterminationFlagDto } from './dto/redetermination.dto';
import { FLAG_COLUMNS, FLAG_FROM, flagById, flagsOfSystem, FlagRow, mapFlag } from './redetermination-flags.query';
import { triggerArticles, triggerRefusal } from './redetermination-rules';
import { RedeterminationService } from './redetermination.service';

interface VisibleSystem {
  id: string;
  name: string;
  owner_agency_id: string;
  province_code: string;
  approved_level: number | null;
  lifecycle: string;
  investment_start_date: string | null;
  go_live_date: string | null;
}

const NO_FLAG = 'Không tìm thấy cảnh báo xác định lại cấp độ của hệ thống này.';

/** The flags as users see them, an appraiser's recorded triggers and dismissals (ND331 Arts. 8.3, 10, 25); each audited. */
@Injectable()
export class RedeterminationReviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly flags: RedeterminationService,
  ) {}

  async listForSystem(user: AuthUser, systemId: string): Promise<RedeterminationFlagDto[]> {
    const em = this.dataSource.manager;
    await this.visibleSystem(em, user, systemId);
    return (await flagsOfSystem(em, systemId)).map(mapFlag);
  }

  /** The open flag shown on the system page (the highest level first); undefined when none. */
  async openFlag(user: AuthUser, systemId: string): Promise<RedeterminationFlagDto | undefined> {
    const open = (await this.listForSystem(user, systemId)).filter((f) => f.status === 'OPEN');
    return open.sort((a, b) => (b.computedLevel ?? 0) - (a.computedLevel ?? 0))[0];
  }

  /** Flags across the systems the user may see (appraisers and leaders: the province; administrators: all). */
  async list(user: AuthUser, query: FlagListQuery): Promise<Page<RedeterminationFlagDto>> {
    const scope = this.access.systemScope(user, 's');
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const params: Record<string, unknown> = {
      ...scope.params,
      status: query.status ?? 'OPEN',
      limit: pageSize,
      offset: (page - 1) * pageSize,
    };
    let where = `${scope.sql} AND f.status = :status`;
    if (query.agencyId) {
      where += ' AND s.owner_agency_id = :agencyId';
      params.agencyId = query.agencyId;
    }
    const run = <T>(sql: string): Promise<T[]> => {
      const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, params);
      return this.dataSource.query(text, values);
    };
    const [{ total }] = await run<{ total: number }>(`SELECT count(*)::int AS total FROM ${FLAG_FROM} WHERE ${where}`);
    const rows = await run<FlagRow>(
      `SELECT ${FLAG_COLUMNS} FROM ${FLAG_FROM} WHERE ${where} ORDER BY f.raised_at DESC, f.id LIMIT :limit OFFSET :offset`,
    );
    return { items: rows.map(mapFlag), total, page, pageSize };
  }

  /** An appraiser of the province (or an administrator) records a trigger; the owner and the routed appraiser are told. */
  record(user: AuthUser, systemId: string, dto: RecordTriggerDto): Promise<RedeterminationFlagDto> {
    return this.dataSource.transaction(async (em) => {
      const system = await this.visibleSystem(em, user, systemId, true);
      if (system.lifecycle === 'RETIRED') throw new DomainError('SYSTEM_RETIRED', 'Hệ thống đã dừng vận hành.');
      const approvedLevel = system.approved_level === null ? null : Number(system.approved_level);
      const refusal = triggerRefusal({ source: dto.source, riskEvent: dto.riskEvent, level: dto.level, approvedLevel });
      if (refusal)
        throw new DomainError('REDETERMINATION_TRIGGER_INVALID', 'Căn cứ xác định lại cấp độ không hợp lệ.', {
          [refusal.field]: [refusal.message],
        });
      const regime = regimeAtAct(this.clock.today(), {
        lifecycle: system.lifecycle,
        investmentStartDate: system.investment_start_date,
        goLiveDate: system.go_live_date,
      }).regime;
      const articles = triggerArticles(dto.source, dto.riskEvent);
      const [{ id }]: { id: string }[] = await em.query(
        `INSERT INTO redetermination_flags (system_id, source, risk_event, approved_level, computed_level, regime, articles, reasons, note, raised_at, raised_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, '{}', $8, $9, $10) RETURNING id`,
        [
          systemId,
          dto.source,
          dto.riskEvent ?? null,
          approvedLevel,
          dto.level ?? null,
          regime,
          articles,
          dto.note,
          this.clock.now(),
          user.id,
        ],
      );
      const created = mapFlag((await flagById(em, id))!);
      await this.audit.record(em, { action: 'REDETERMINATION_FLAG_RECORDED', entityType: 'system', entityId: systemId, after: created });
      await this.flags.notify(em, {
        flagId: id,
        systemId,
        systemName: system.name,
        ownerAgencyId: system.owner_agency_id,
        provinceCode: system.province_code,
        approvedLevel: approvedLevel!,
        computedLevel: dto.level ?? null,
        articles,
        regime,
      });
      return created;
    });
  }

  /** The appraiser finds no re-determination is needed: the flag is closed with the written reason, audited. */
  dismiss(user: AuthUser, systemId: string, flagId: string, dto: DismissFlagDto): Promise<RedeterminationFlagDto> {
    return this.dataSource.transaction(async (em) => {
      await this.visibleSystem(em, user, systemId, true);
      const current = await flagById(em, flagId);
      if (!current || current.system_id !== systemId) throw notFound(NO_FLAG);
      if (current.status !== 'OPEN') throw new DomainError('REDETERMINATION_FLAG_NOT_OPEN', 'Cảnh báo đã được xử lý trước đó.');
      if (current.version !== dto.version) throw versionConflict();
      const [, affected]: [unknown, number] = await em.query(
        `UPDATE redetermination_flags SET status = 'DISMISSED', resolved_at = $3, resolved_by = $4, resolution_note = $5, version = version + 1
          WHERE id = $1 AND version = $2 AND status = 'OPEN'`,
        [flagId, dto.version, this.clock.now(), user.id, dto.reason],
      );
      if (affected !== 1) throw versionConflict();
      const after = mapFlag((await flagById(em, flagId))!);
      await this.audit.record(em, {
        action: 'REDETERMINATION_FLAG_DISMISSED',
        entityType: 'system',
        entityId: systemId,
        before: mapFlag(current),
        after,
      });
      return after;
    });
  }

  /** The system if the user may see it (404 otherwise, so ids do not leak); an appraiser sees only its province. */
  private async visibleSystem(em: EntityManager, user: AuthUser, id: string, lock = false): Promise<VisibleSystem> {
    const scope = this.access.systemScope(user, 's');
    const qb = em
      .createQueryBuilder()
      .select(['s.id AS id', 's.name AS name', 's.owner_agency_id AS owner_agency_id', 's.province_code AS province_code'])
      .addSelect(['s.approved_level AS approved_level', 's.lifecycle AS lifecycle'])
      .addSelect([
        "to_char(s.investment_start_date, 'YYYY-MM-DD') AS investment_start_date",
        "to_char(s.go_live_date, 'YYYY-MM-DD') AS go_live_date",
      ])
      .from('systems', 's')
      .where('s.id = :id', { id })
      .andWhere(scope.sql, scope.params);
    if (lock) qb.setLock('pessimistic_write');
    const row = await qb.getRawOne<VisibleSystem>();
    if (!row) throw notFound('Không tìm thấy hệ thống.');
    return row;
  }
}
