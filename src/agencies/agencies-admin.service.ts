import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { DomainError, notFound, versionConflict } from '../common/errors/domain-error';
import { foldDiacritics } from '../common/text/vietnamese';
import { Agency } from './agency.entity';
import { mapAgency } from './agency.mapper';
import { AgencyContactsDto, AgencyDto, CreateAgencyDto, UpdateAgencyDto } from './dto/agency.dto';

/** Creating and changing agencies (administrators only); every change is audited in its transaction. */
@Injectable()
export class AgenciesAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  create(dto: CreateAgencyDto): Promise<AgencyDto> {
    return this.dataSource.transaction((em) => this.createIn(em, dto));
  }

  /** Creates an agency inside the caller's transaction (also used by mergers that form a new body). */
  async createIn(em: EntityManager, dto: CreateAgencyDto): Promise<AgencyDto> {
    const parent = dto.parentId ? await this.findParent(em, dto.parentId) : undefined;
    const provinceCode = parent?.provinceCode ?? dto.provinceCode;
    if (!provinceCode) {
      throw new DomainError('VALIDATION_FAILED', 'Cần chọn cơ quan cấp trên hoặc nhập mã tỉnh.', {
        provinceCode: ['bắt buộc khi không có cơ quan cấp trên'],
      });
    }
    if (parent && dto.provinceCode && dto.provinceCode !== parent.provinceCode) {
      throw new DomainError('AGENCY_PARENT_INVALID', 'Cơ quan cấp trên thuộc tỉnh khác.', {
        provinceCode: ['khác với tỉnh của cơ quan cấp trên'],
      });
    }
    const existing = await em.findOne(Agency, { where: { code: dto.code }, select: { id: true } });
    if (existing) throw new DomainError('DUPLICATE', `Mã cơ quan ${dto.code} đã được dùng.`, { code: ['đã được dùng'] });
    const saved = await em.save(
      em.create(Agency, {
        code: dto.code,
        name: dto.name,
        kind: dto.kind,
        parentId: parent?.id ?? null,
        provinceCode,
        status: 'ACTIVE',
        validFrom: dto.validFrom ?? this.clock.today(),
        validTo: null,
        successorId: null,
        searchText: foldDiacritics(dto.name),
        ...contactsOf(dto, undefined),
        version: 1,
      }),
    );
    const result = mapAgency(saved);
    await this.audit.record(em, { action: 'CREATE', entityType: 'agency', entityId: saved.id, after: result });
    return result;
  }

  update(id: string, dto: UpdateAgencyDto): Promise<AgencyDto> {
    return this.dataSource.transaction(async (em) => {
      const current = await em.findOne(Agency, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw notFound('Không tìm thấy cơ quan, đơn vị.');
      if (current.version !== dto.version) throw versionConflict();
      if (dto.parentId) await this.assertValidParent(em, current, dto.parentId);
      if (dto.successorId) await this.assertValidSuccessor(em, current, dto.successorId);
      const next: Agency = {
        ...current,
        name: dto.name ?? current.name,
        kind: dto.kind ?? current.kind,
        parentId: dto.parentId === undefined ? current.parentId : dto.parentId,
        status: dto.status ?? current.status,
        validTo: dto.validTo === undefined ? current.validTo : dto.validTo,
        successorId: dto.successorId === undefined ? current.successorId : dto.successorId,
        ...contactsOf(dto, current),
        version: current.version + 1,
      };
      next.searchText = foldDiacritics(next.name);
      if (next.validTo && next.validTo < next.validFrom) {
        throw new DomainError('VALIDATION_FAILED', 'Ngày hết hiệu lực phải sau ngày bắt đầu.', {
          validTo: ['phải từ ngày bắt đầu hiệu lực trở đi'],
        });
      }
      const { affected } = await em
        .createQueryBuilder()
        .update(Agency)
        .set({
          name: next.name,
          kind: next.kind,
          parentId: next.parentId,
          status: next.status,
          validTo: next.validTo,
          successorId: next.successorId,
          searchText: next.searchText,
          functionsDocument: next.functionsDocument,
          representativeName: next.representativeName,
          representativeTitle: next.representativeTitle,
          address: next.address,
          phone: next.phone,
          email: next.email,
          version: next.version,
        })
        .where('id = :id AND version = :version', { id, version: dto.version })
        .execute();
      if (affected !== 1) throw versionConflict();
      const saved = await em.findOneByOrFail(Agency, { id });
      const result = mapAgency(saved);
      await this.audit.record(em, { action: 'UPDATE', entityType: 'agency', entityId: id, before: mapAgency(current), after: result });
      return result;
    });
  }

  private async findParent(em: EntityManager, parentId: string): Promise<Agency> {
    const parent = await em.findOneBy(Agency, { id: parentId });
    if (!parent) throw new DomainError('AGENCY_PARENT_INVALID', 'Không tìm thấy cơ quan cấp trên.', { parentId: ['không tồn tại'] });
    return parent;
  }

  /** A parent must exist, be in the same province, and not sit below the agency (no cycles). */
  private async assertValidParent(em: EntityManager, agency: Agency, parentId: string): Promise<void> {
    const parent = await this.findParent(em, parentId);
    if (parent.provinceCode !== agency.provinceCode)
      throw new DomainError('AGENCY_PARENT_INVALID', 'Cơ quan cấp trên thuộc tỉnh khác.', { parentId: ['thuộc tỉnh khác'] });
    const [{ cycle }]: { cycle: boolean }[] = await em.query(
      `WITH RECURSIVE up AS (SELECT id, parent_id FROM agencies WHERE id = $1
                             UNION SELECT a.id, a.parent_id FROM agencies a JOIN up ON a.id = up.parent_id)
       SELECT EXISTS (SELECT 1 FROM up WHERE id = $2) AS cycle`,
      [parentId, agency.id],
    );
    if (cycle)
      throw new DomainError('AGENCY_PARENT_INVALID', 'Không thể chọn chính cơ quan này hoặc đơn vị cấp dưới của nó làm cấp trên.', {
        parentId: ['tạo thành vòng lặp'],
      });
  }

  private async assertValidSuccessor(em: EntityManager, agency: Agency, successorId: string): Promise<void> {
    if (successorId === agency.id)
      throw new DomainError('VALIDATION_FAILED', 'Cơ quan không thể kế thừa chính nó.', {
        successorId: ['không được là chính cơ quan này'],
      });
    const successor = await em.findOneBy(Agency, { id: successorId });
    if (!successor) throw new DomainError('VALIDATION_FAILED', 'Không tìm thấy cơ quan kế thừa.', { successorId: ['không tồn tại'] });
  }
}

const CONTACT_FIELDS = ['functionsDocument', 'representativeName', 'representativeTitle', 'address', 'phone', 'email'] as const;

/** The contact fields after the request: a field left out keeps its value, null clears it. */
function contactsOf(dto: AgencyContactsDto, current: Agency | undefined): Pick<Agency, (typeof CONTACT_FIELDS)[number]> {
  return Object.fromEntries(
    CONTACT_FIELDS.map((field) => [field, dto[field] === undefined ? (current?.[field] ?? null) : dto[field]]),
  ) as Pick<Agency, (typeof CONTACT_FIELDS)[number]>;
}
