import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { provinceFilter } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth-user';
import { DomainError, notFound, versionConflict } from '../common/errors/domain-error';
import { definedOnly } from '../common/objects';
import { CreateRoutingRuleDto, RoutingRuleDto, UpdateRoutingRuleDto } from './dto/routing-rule.dto';
import { contradictions } from './competence';
import { RoutingRule } from './routing-rule.entity';

export interface Route {
  ruleId: string;
  ruleName: string;
  appraiserAgencyId: string | null;
  appraiserName: string;
  approverKind: 'AGENCY' | 'OWNER' | 'EXTERNAL';
  approverAgencyId: string | null;
  approverName: string;
  specialisedUnitAgencyId: string | null;
  specialisedUnitName: string | null;
  /** Where the stored rule contradicts the law's table (a rule saved before the table was enforced). */
  contradictions: Record<string, string[]>;
}

/** Admin-managed routing rules, and the resolution of a dossier's appraising and approving bodies. */
@Injectable()
export class RoutingRulesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The rules set on bodies of the user's province (every province for administrators). */
  async list(user: AuthUser): Promise<RoutingRuleDto[]> {
    const province = provinceFilter(user);
    const qb = this.dataSource.getRepository(RoutingRule).createQueryBuilder('r').orderBy('r.priority', 'ASC').addOrderBy('r.name', 'ASC');
    if (province !== null) qb.where('r.owner_agency_id IN (SELECT a.id FROM agencies a WHERE a.province_code = :province)', { province });
    return (await qb.getMany()).map(mapRule);
  }

  create(dto: CreateRoutingRuleDto): Promise<RoutingRuleDto> {
    return this.dataSource.transaction(async (em) => {
      const values = {
        includeSubtree: true,
        priority: 100,
        active: true,
        regime: null,
        appraiserAgencyId: null,
        appraiserExternalName: null,
        approverAgencyId: null,
        approverExternalName: null,
        specialisedUnitAgencyId: null,
        approverDesignation: null,
        ...(definedOnly(dto) as CreateRoutingRuleDto),
        version: 1,
      };
      await this.check(em, values);
      const saved = await em.getRepository(RoutingRule).save(values);
      await this.audit.record(em, { action: 'CREATE', entityType: 'routing_rule', entityId: saved.id, after: mapRule(saved) });
      return mapRule(saved);
    });
  }

  update(id: string, dto: UpdateRoutingRuleDto): Promise<RoutingRuleDto> {
    return this.dataSource.transaction(async (em) => {
      const current = await em.getRepository(RoutingRule).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw notFound('Không tìm thấy quy tắc phân công.');
      if (current.version !== dto.version) throw versionConflict();
      const { version: _v, ...changes } = dto;
      const next = { ...current, ...definedOnly(changes), version: current.version + 1 } as RoutingRule;
      await this.check(em, next);
      const saved = await em.getRepository(RoutingRule).save(next);
      await this.audit.record(em, {
        action: 'UPDATE',
        entityType: 'routing_rule',
        entityId: id,
        before: mapRule(current),
        after: mapRule(saved),
      });
      return mapRule(saved);
    });
  }

  /**
   * The rule for a dossier: active, matching the level and regime, set on the owner agency itself or (with
   * includeSubtree) on an ancestor; the lowest priority number wins, then the closest agency.
   */
  async resolve(em: EntityManager, ownerAgencyId: string, level: number, regime: string): Promise<Route | undefined> {
    const [row] = await em.query(
      `WITH RECURSIVE up AS (SELECT id, parent_id, 0 AS depth FROM agencies WHERE id = $1
                             UNION ALL SELECT a.id, a.parent_id, up.depth + 1 FROM agencies a JOIN up ON a.id = up.parent_id WHERE up.depth < 20)
       SELECT r.id, r.name, r.appraiser_agency_id, r.appraiser_external_name, r.min_level, r.max_level, r.regime,
              r.approver_designation, r.specialised_unit_agency_id, su.name AS specialised_unit_name, coalesce(ap.name, r.appraiser_external_name) AS appraiser_name,
              r.approver_kind, r.approver_agency_id,
              CASE r.approver_kind WHEN 'OWNER' THEN ow.name WHEN 'AGENCY' THEN av.name ELSE r.approver_external_name END AS approver_name
         FROM routing_rules r
         JOIN up ON up.id = r.owner_agency_id AND (up.depth = 0 OR r.include_subtree)
         LEFT JOIN agencies ap ON ap.id = r.appraiser_agency_id
         LEFT JOIN agencies av ON av.id = r.approver_agency_id
         LEFT JOIN agencies su ON su.id = r.specialised_unit_agency_id
         JOIN agencies ow ON ow.id = $1
        WHERE r.active AND $2 BETWEEN r.min_level AND r.max_level AND (r.regime IS NULL OR r.regime = $3)
        ORDER BY r.priority, up.depth
        LIMIT 1`,
      [ownerAgencyId, level, regime],
    );
    if (!row) return undefined;
    return {
      ruleId: row.id,
      ruleName: row.name,
      appraiserAgencyId: row.appraiser_agency_id,
      appraiserName: row.appraiser_name,
      approverKind: row.approver_kind,
      approverAgencyId: row.approver_kind === 'OWNER' ? ownerAgencyId : row.approver_agency_id,
      approverName: row.approver_name,
      specialisedUnitAgencyId: row.specialised_unit_agency_id,
      specialisedUnitName: row.specialised_unit_name,
      // Only this dossier's level and regime matter here: the rule's other levels are checked when it is saved.
      contradictions: contradictions({
        minLevel: level,
        maxLevel: level,
        regime: regime as 'ND85' | 'ND331',
        appraiserAgencyId: row.appraiser_agency_id,
        appraiserExternalName: row.appraiser_external_name,
        approverKind: row.approver_kind,
        approverAgencyId: row.approver_agency_id,
        approverDesignation: row.approver_designation,
        specialisedUnitAgencyId: row.specialised_unit_agency_id,
      }),
    };
  }

  private async check(em: EntityManager, rule: Omit<RoutingRule, 'id' | 'createdAt' | 'updatedAt'>): Promise<void> {
    const errors: Record<string, string[]> = {};
    if (rule.minLevel > rule.maxLevel) errors.maxLevel = ['phải từ cấp độ thấp nhất trở lên'];
    if (!rule.appraiserAgencyId === !rule.appraiserExternalName)
      errors.appraiserAgencyId = ['chọn đúng một: đơn vị trong danh mục hoặc tên đơn vị bên ngoài'];
    if (rule.approverKind === 'AGENCY' && (!rule.approverAgencyId || rule.approverExternalName))
      errors.approverAgencyId = ['cần chọn cơ quan phê duyệt'];
    if (rule.approverKind === 'EXTERNAL' && (!rule.approverExternalName || rule.approverAgencyId))
      errors.approverExternalName = ['cần ghi tên cơ quan phê duyệt bên ngoài'];
    if (rule.approverKind === 'OWNER' && (rule.approverAgencyId || rule.approverExternalName))
      errors.approverKind = ['cơ quan chủ quản phê duyệt: không chọn thêm cơ quan khác'];
    if (rule.approverKind !== 'AGENCY' && rule.approverDesignation)
      errors.approverDesignation = ['chỉ ghi khi một cơ quan khác phê duyệt thay chủ quản'];
    const ids = [rule.ownerAgencyId, rule.appraiserAgencyId, rule.approverAgencyId, rule.specialisedUnitAgencyId].filter(
      (id): id is string => !!id,
    );
    const found: { id: string }[] = await em.query(`SELECT id FROM agencies WHERE id = ANY($1)`, [ids]);
    for (const [field, id] of [
      ['ownerAgencyId', rule.ownerAgencyId],
      ['appraiserAgencyId', rule.appraiserAgencyId],
      ['approverAgencyId', rule.approverAgencyId],
      ['specialisedUnitAgencyId', rule.specialisedUnitAgencyId],
    ] as const) {
      if (id && !found.some((f) => f.id === id)) errors[field] = ['không có cơ quan này'];
    }
    if (Object.keys(errors).length) throw new DomainError('VALIDATION_FAILED', 'Quy tắc phân công chưa hợp lệ.', errors);
    const against = contradictions(rule);
    if (Object.keys(against).length)
      throw new DomainError(
        'ROUTING_CONTRADICTS_COMPETENCE',
        'Quy tắc phân công trái với thẩm quyền thẩm định, phê duyệt theo cấp độ mà pháp luật quy định.',
        against,
      );
  }
}

export function mapRule(r: RoutingRule): RoutingRuleDto {
  return {
    id: r.id,
    name: r.name,
    ownerAgencyId: r.ownerAgencyId,
    includeSubtree: r.includeSubtree,
    minLevel: r.minLevel,
    maxLevel: r.maxLevel,
    regime: r.regime,
    appraiserAgencyId: r.appraiserAgencyId,
    appraiserExternalName: r.appraiserExternalName,
    approverKind: r.approverKind,
    approverAgencyId: r.approverAgencyId,
    approverExternalName: r.approverExternalName,
    specialisedUnitAgencyId: r.specialisedUnitAgencyId,
    approverDesignation: r.approverDesignation,
    priority: r.priority,
    active: r.active,
    version: r.version,
  };
}
