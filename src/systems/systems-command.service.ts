import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { DomainError, versionConflict } from '../common/errors/domain-error';
import { definedOnly } from '../common/objects';
import { foldDiacritics } from '../common/text/vietnamese';
import { CreateSystemDto, RetireSystemDto, SystemDto, UpdateSystemDto } from './dto/system.dto';
import { transitionalComplianceDueOn } from '../classification/rules/regime';
import { approvalRecordErrors, refusedArchitectureFields, STATE_SECRET_MESSAGE } from './system-rules';
import { InformationSystem } from './system.entity';
import { moveCustody } from './system-custody';
import { SystemsQueryService } from './systems-query.service';
import { assertPlanAllowsEdit } from '../plan-items/plan-item-guards';
import { becomesStateSecret, SystemStateSecretHooks } from './system-state-secret-hooks';
import { refuseTypedInspections } from '../inspections/inspection-rules';
import { RedeterminationService } from '../redetermination/redetermination.service';

type SystemValues = Omit<InformationSystem, 'id' | 'stateSecret' | 'createdAt' | 'updatedAt'>;

export interface KnownAgency {
  id: string;
  province_code: string;
}

/** Registering, editing and retiring systems; each change is audited and versioned in its transaction. */
/** Why an officer may not name that owner (the rule: AccessService.canWriteSystemOf). */
export const OWNER_OUT_OF_REACH = 'phải là cơ quan của bạn, hoặc cơ quan cùng tỉnh mà cơ quan của bạn là đơn vị vận hành';

@Injectable()
export class SystemsCommandService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly queries: SystemsQueryService,
    private readonly clock: Clock,
    private readonly stateSecretHooks: SystemStateSecretHooks,
    private readonly redetermination: RedeterminationService,
  ) {}

  create(user: AuthUser, dto: CreateSystemDto): Promise<SystemDto> {
    refuseTypedInspections(dto);
    return this.dataSource.transaction(async (em) => {
      const values = await this.checked(em, user, this.fromCreate(dto));
      const id = await this.insert(em, values);
      const created = await this.queries.get(user, id, em);
      await this.audit.record(em, { action: 'CREATE', entityType: 'system', entityId: id, after: created });
      return created;
    });
  }

  update(user: AuthUser, id: string, dto: UpdateSystemDto): Promise<SystemDto> {
    refuseTypedInspections(dto);
    return this.dataSource.transaction(async (em) => {
      const current = await this.queries.findVisible(user, id, em, true);
      if (current.version !== dto.version) throw versionConflict();
      if (current.lifecycle === 'RETIRED') throw new DomainError('SYSTEM_RETIRED', 'Hệ thống đã dừng vận hành, không sửa được nữa.');
      if (!this.access.canWriteSystemOf(user, current)) {
        throw new DomainError('FORBIDDEN', 'Chỉ cơ quan chủ quản hoặc đơn vị vận hành được sửa hệ thống này.');
      }
      const before = (await this.queries.mapAll(em, [current]))[0];
      const { version: _version, ...changes } = dto;
      const defined = definedOnly(changes) as Partial<SystemValues>;
      await assertPlanAllowsEdit(em, current, defined);
      const values = await this.checked(em, user, { ...current, ...defined, version: current.version + 1 });
      await this.save(em, id, dto.version, values);
      if (values.ownerAgencyId !== current.ownerAgencyId || values.operatorAgencyId !== current.operatorAgencyId) {
        await moveCustody(em, id, values.ownerAgencyId, values.operatorAgencyId, this.clock.today());
      }
      const after = await this.queries.get(user, id, em);
      await this.audit.record(em, { action: 'UPDATE', entityType: 'system', entityId: id, before, after });
      await this.afterInfoTypesChange(em, user, id, current.infoTypes, values.infoTypes);
      await this.flagRedetermination(em, user, current, values);
      return after;
    });
  }

  /** A system that becomes state-secret has its open dossiers withdrawn and emptied in the same transaction (Law 116/2025 Art. 15.2.b). */
  async afterInfoTypesChange(
    em: EntityManager,
    user: AuthUser,
    id: string,
    before: readonly string[],
    after: readonly string[],
  ): Promise<void> {
    if (becomesStateSecret(before, after)) await this.stateSecretHooks.systemBecameStateSecret(em, user, id);
  }

  /**
   * An edit (the form, the API or an import) after which the rulebook in force computes a level above the approved one
   * flags the system "cần xác định lại cấp độ" (ND331 Art. 25): src/redetermination.
   */
  async flagRedetermination(em: EntityManager, user: AuthUser, before: InformationSystem, after: SystemValues): Promise<void> {
    await this.redetermination.afterSystemEdit(em, user, before.id, before, { ...before, ...after });
  }

  retire(user: AuthUser, id: string, dto: RetireSystemDto): Promise<SystemDto> {
    return this.dataSource.transaction(async (em) => {
      const current = await this.queries.findVisible(user, id, em, true);
      if (current.version !== dto.version) throw versionConflict();
      if (current.lifecycle === 'RETIRED') throw new DomainError('SYSTEM_RETIRED', 'Hệ thống đã dừng vận hành từ trước.');
      if (!this.access.canWriteSystemOf(user, current)) {
        throw new DomainError('FORBIDDEN', 'Chỉ cơ quan chủ quản hoặc đơn vị vận hành được cho hệ thống dừng vận hành.');
      }
      const before = (await this.queries.mapAll(em, [current]))[0];
      await this.save(em, id, dto.version, {
        ...current,
        lifecycle: 'RETIRED',
        retiredAt: dto.retiredAt,
        retirementReason: dto.reason,
        version: current.version + 1,
      });
      const after = await this.queries.get(user, id, em);
      await this.audit.record(em, { action: 'RETIRE', entityType: 'system', entityId: id, before, after });
      return after;
    });
  }

  /** Checks a system's full set of values: agencies and access, the state-secret guardrail, the approval record. */
  async checked(em: EntityManager, user: AuthUser, values: SystemValues, known?: ReadonlyMap<string, KnownAgency>): Promise<SystemValues> {
    const ids = [values.ownerAgencyId, values.operatorAgencyId];
    // A bulk import passes the agencies it loaded up front, sparing one query per row.
    const agencies: KnownAgency[] =
      known && ids.every((id) => known.has(id))
        ? [...new Set(ids)].map((id) => known.get(id)!)
        : await em.query(`SELECT id, province_code FROM agencies WHERE id = ANY($1)`, [ids]);
    const owner = agencies.find((a) => a.id === values.ownerAgencyId);
    const errors: Record<string, string[]> = {};
    if (!owner) errors.ownerAgencyId = ['không có cơ quan này'];
    if (!agencies.some((a) => a.id === values.operatorAgencyId)) errors.operatorAgencyId = ['không có đơn vị này'];
    if (Object.keys(errors).length)
      throw new DomainError('SYSTEM_AGENCY_INVALID', 'Cơ quan chủ quản hoặc đơn vị vận hành không tồn tại.', errors);
    if (!this.access.canWriteSystemOf(user, { ...values, provinceCode: owner!.province_code })) {
      throw new DomainError(
        'SYSTEM_AGENCY_INVALID',
        'Cán bộ chỉ đăng ký hệ thống mà cơ quan mình là chủ quản, hoặc là đơn vị vận hành cho cơ quan chủ quản cùng tỉnh.',
        {
          ownerAgencyId: [OWNER_OUT_OF_REACH],
        },
      );
    }
    const refused = refusedArchitectureFields(values.infoTypes, values);
    if (refused.length) {
      throw new DomainError(
        'STATE_SECRET_MINIMAL_METADATA',
        STATE_SECRET_MESSAGE,
        Object.fromEntries(refused.map((f) => [f, ['không được lưu cho hệ thống bí mật nhà nước']])),
      );
    }
    const approval = approvalRecordErrors(values);
    if (Object.keys(approval).length) throw new DomainError('VALIDATION_FAILED', 'Thông tin phê duyệt cấp độ chưa đầy đủ.', approval);
    return {
      ...values,
      provinceCode: owner!.province_code,
      searchText: foldDiacritics(`${values.name} ${values.code}`),
      // ND331 Art. 39.1: the compliance date follows the system's facts, never the form.
      transitionalComplianceDueOn: transitionalComplianceDueOn(values),
    };
  }

  fromCreate(dto: CreateSystemDto): SystemValues {
    return {
      code: dto.code,
      name: dto.name,
      ownerAgencyId: dto.ownerAgencyId,
      operatorAgencyId: dto.operatorAgencyId ?? dto.ownerAgencyId,
      provinceCode: '',
      description: dto.description ?? null,
      scope: dto.scope ?? null,
      servedPopulation: dto.servedPopulation ?? null,
      systemType: dto.systemType,
      infoTypes: dto.infoTypes,
      lifecycle: dto.lifecycle,
      goLiveDate: dto.goLiveDate ?? null,
      investmentStartDate: dto.investmentStartDate ?? null,
      transitionalComplianceDueOn: null,
      hosting: dto.hosting ?? null,
      internetFacing: dto.internetFacing ?? null,
      connectsGovNetwork: dto.connectsGovNetwork ?? null,
      architectureDescription: dto.architectureDescription ?? null,
      userCount: dto.userCount ?? null,
      basicPersonalDataSubjects: dto.basicPersonalDataSubjects ?? null,
      sensitivePersonalDataSubjects: dto.sensitivePersonalDataSubjects ?? null,
      components: dto.components ?? [],
      // The level on record comes from the workflow or a confirmed claim (prior-approvals), never from the form.
      approvedLevel: null,
      approvalDecisionNumber: null,
      approvalDecisionDate: null,
      approvalDecisionIssuer: null,
      deploymentStatus: dto.deploymentStatus ?? 'NOT_DEPLOYED',
      internalRegulationNumber: dto.internalRegulationNumber ?? null,
      internalRegulationDate: dto.internalRegulationDate ?? null,
      inspections: dto.inspections ?? [],
      retiredAt: null,
      retirementReason: null,
      searchText: '',
      version: 1,
    };
  }

  async insert(em: EntityManager, values: SystemValues): Promise<string> {
    const duplicate = await em.query(`SELECT 1 FROM systems WHERE owner_agency_id = $1 AND code = $2`, [values.ownerAgencyId, values.code]);
    if (duplicate.length)
      throw new DomainError('DUPLICATE', `Cơ quan chủ quản đã có hệ thống mã ${values.code}.`, {
        code: ['đã được dùng trong cơ quan chủ quản này'],
      });
    const { identifiers } = await em.getRepository(InformationSystem).insert(values);
    const id = identifiers[0].id as string;
    // Custody from the beginning of time: the registry does not know when an existing system was first owned.
    await em.query(
      `INSERT INTO system_custody (system_id, owner_agency_id, operator_agency_id, valid_from) VALUES ($1, $2, $3, '-infinity')`,
      [id, values.ownerAgencyId, values.operatorAgencyId],
    );
    return id;
  }

  async save(em: EntityManager, id: string, expectedVersion: number, values: SystemValues): Promise<void> {
    if (values.ownerAgencyId) {
      const clash = await em.query(`SELECT 1 FROM systems WHERE owner_agency_id = $1 AND code = $2 AND id <> $3`, [
        values.ownerAgencyId,
        values.code,
        id,
      ]);
      if (clash.length)
        throw new DomainError('DUPLICATE', `Cơ quan chủ quản đã có hệ thống mã ${values.code}.`, {
          code: ['đã được dùng trong cơ quan chủ quản này'],
        });
    }
    const { affected } = await em
      .createQueryBuilder()
      .update(InformationSystem)
      .set(values)
      .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
      .execute();
    if (affected !== 1) throw versionConflict();
  }
}
