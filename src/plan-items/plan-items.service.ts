import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { DomainError, versionConflict } from '../common/errors/domain-error';
import { Page } from '../common/http/pagination';
import {
  PlanItemDto,
  PlanItemEventDto,
  PlanItemListQuery,
  PlanItemListRowDto,
  SystemPlanDto,
  UpdatePlanItemDto,
} from './dto/plan-item.dto';
import { applyChange } from './plan-item-rules';
import { recordPlanItemEvent, syncDeployment } from './plan-item-writes';
import { mapPlanItem, mapSystemPlan } from './plan-items.mapper';
import { assertPlanWriter, evidenceOf, itemOf, ITEM_COLUMNS, liveItems, PlanItemRow, visibleSystem } from './plan-items.query';

const EVENT_LABELS: Record<string, string> = {
  CREATED_AT_APPROVAL: 'Tạo từ hồ sơ được phê duyệt',
  UPDATED: 'Cập nhật hạng mục',
  EVIDENCE_ADDED: 'Thêm tệp minh chứng',
  SUPERSEDED: 'Thay thế bởi phương án được phê duyệt sau',
};

/**
 * The approved plan's items of a system: read them, move them along (the operator implements the approved plan: ND331
 * Art. 33.1), and keep Mẫu 08 cols 10–11 derived from them in the same transaction.
 */
@Injectable()
export class PlanItemsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async plan(user: AuthUser, systemId: string): Promise<SystemPlanDto> {
    const em = this.dataSource.manager;
    await visibleSystem(em, this.access, user, systemId);
    const rows = await liveItems(em, systemId);
    return mapSystemPlan(
      systemId,
      rows,
      await evidenceOf(
        em,
        rows.map((r) => r.id),
      ),
      this.clock.today(),
    );
  }

  update(user: AuthUser, systemId: string, itemId: string, dto: UpdatePlanItemDto): Promise<PlanItemDto> {
    return this.dataSource.transaction(async (em) => {
      const system = await visibleSystem(em, this.access, user, systemId);
      assertPlanWriter(this.access, user, system);
      // One writer per system at a time: the derived status is computed from every item of it.
      await em.query(`SELECT 1 FROM systems WHERE id = $1 FOR UPDATE`, [systemId]);
      const current = await itemOf(em, systemId, itemId, true);
      if (current.superseded_at)
        throw new DomainError('PLAN_ITEM_SUPERSEDED', 'Hạng mục thuộc phương án cũ đã được thay thế, không sửa được nữa.');
      if (current.version !== dto.version) throw versionConflict();
      const next = applyChange(
        { status: current.status, plannedDate: current.planned_date, reason: current.reason, doneOn: current.done_on },
        { status: dto.status, plannedDate: dto.plannedDate, reason: dto.reason },
        this.clock.today(),
      );
      if (!next.ok) throw new DomainError('VALIDATION_FAILED', 'Hạng mục không áp dụng phải có lý do.', next.errors);
      const after = next.values;
      await em.query(
        `UPDATE plan_items SET status = $2, planned_date = $3, reason = $4, done_on = $5, responsible_unit = $6, measure = $7,
                version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $8`,
        [
          itemId,
          after.status,
          after.plannedDate,
          after.reason,
          after.doneOn,
          dto.responsibleUnit ?? current.responsible_unit,
          dto.measure ?? current.measure,
          dto.version,
        ],
      );
      const updated = await itemOf(em, systemId, itemId);
      const before = snapshot(current);
      const afterSnapshot = snapshot(updated);
      await recordPlanItemEvent(em, { itemId, action: 'UPDATED', actorId: user.id, before, after: afterSnapshot, note: dto.note });
      const derived = await syncDeployment(em, systemId);
      await this.audit.record(em, {
        action: 'PLAN_ITEM_UPDATE',
        entityType: 'system',
        entityId: systemId,
        before: { planItemId: itemId, ...before },
        after: { planItemId: itemId, ...afterSnapshot, deploymentStatus: derived?.status, deploymentExpectedOn: derived?.expectedOn },
      });
      return mapPlanItem(updated, await evidenceOf(em, [itemId]), this.clock.today());
    });
  }

  async history(user: AuthUser, systemId: string, itemId: string): Promise<PlanItemEventDto[]> {
    const em = this.dataSource.manager;
    await visibleSystem(em, this.access, user, systemId);
    await itemOf(em, systemId, itemId);
    const rows: {
      id: string;
      action: string;
      actor_name: string | null;
      before: object | null;
      after: object | null;
      note: string | null;
      created_at: Date;
    }[] = await em.query(
      `SELECT e.id, e.action, u.full_name AS actor_name, e.before, e.after, e.note, e.created_at
           FROM plan_item_events e LEFT JOIN users u ON u.id = e.actor_id
          WHERE e.plan_item_id = $1 ORDER BY e.created_at DESC, e.id`,
      [itemId],
    );
    return rows.map((r) => ({
      id: r.id,
      action: r.action,
      actionLabel: EVENT_LABELS[r.action] ?? r.action,
      actorName: r.actor_name,
      before: r.before,
      after: r.after,
      note: r.note,
      at: new Date(r.created_at).toISOString(),
    }));
  }

  /** Across systems, within the caller's read scope: for appraisers and leaders following the province's plans. */
  async list(user: AuthUser, q: PlanItemListQuery): Promise<Page<PlanItemListRowDto>> {
    const today = this.clock.today();
    const scope = this.access.systemScope(user, 's');
    const qb = this.dataSource
      .createQueryBuilder()
      .from('plan_items', 'p')
      .innerJoin('systems', 's', 's.id = p.system_id')
      .innerJoin('agencies', 'a', 'a.id = s.owner_agency_id')
      .where('p.superseded_at IS NULL')
      .andWhere(scope.sql, scope.params);
    if (q.agencyId) qb.andWhere('(s.owner_agency_id = :agencyId OR s.operator_agency_id = :agencyId)', { agencyId: q.agencyId });
    if (q.status) qb.andWhere('p.status = :status', { status: q.status });
    if (q.overdue === true) {
      qb.andWhere(`p.status IN ('NOT_STARTED', 'IN_PROGRESS') AND p.planned_date < :today`, { today });
    }
    const total = await qb.clone().select('count(*)::int', 'total').getRawOne<{ total: number }>();
    const rows = await qb
      .select(ITEM_COLUMNS)
      .addSelect(['s.name AS system_name', 'a.name AS owner_agency_name'])
      .orderBy('p.planned_date', 'ASC', 'NULLS LAST')
      .addOrderBy('s.name')
      .addOrderBy('p.requirement_id')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .getRawMany<PlanItemRow & { system_name: string; owner_agency_name: string }>();
    return {
      items: rows.map((r) => ({ ...mapPlanItem(r, [], today), systemName: r.system_name, ownerAgencyName: r.owner_agency_name })),
      total: total?.total ?? 0,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}

function snapshot(r: PlanItemRow) {
  return {
    status: r.status,
    plannedDate: r.planned_date,
    reason: r.reason,
    doneOn: r.done_on,
    responsibleUnit: r.responsible_unit,
    measure: r.measure,
  };
}
