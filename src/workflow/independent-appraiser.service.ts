import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { DomainError, versionConflict } from '../common/errors/domain-error';
import { isEditable } from '../dossiers/dossier-status';
import { saveDossier } from '../dossiers/dossier-writes';
import type { Dossier } from '../dossiers/dossier.entity';
import { DossierDto } from '../dossiers/dto/dossier.dto';
import { DossiersQueryService } from '../dossiers/dossiers-query.service';
import { FUTURE_DECISION_MESSAGE, isDecisionDateInFuture } from '../systems/prior-approvals/prior-approval-rules';
import { IndependentAppraiserDto } from './dto/independent-appraiser.dto';

/**
 * The owner's decision on who appraises when its specialised unit also operates or owns the system (ND331 Art. 18.4;
 * TT12 Art. 6): another capable subordinate unit, or an independent appraisal council with its members. Recorded on
 * the draft by the owner's leadership (or an administrator), before the dossier is sent.
 */
@Injectable()
export class IndependentAppraiserService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly queries: DossiersQueryService,
    private readonly clock: Clock,
  ) {}

  record(user: AuthUser, id: string, dto: IndependentAppraiserDto): Promise<DossierDto> {
    return this.dataSource.transaction(async (em) => {
      const dossier = await this.queries.findVisible(user, id, em, true);
      if (dossier.version !== dto.version) throw versionConflict();
      if (!this.access.dossierActorRoles(user, dossier).includes('OWNER'))
        throw new DomainError(
          'DOSSIER_ACTION_FORBIDDEN',
          'Chỉ lãnh đạo cơ quan chủ quản giao đơn vị hoặc thành lập Hội đồng thẩm định độc lập (khoản 4 Điều 18 Nghị định 331/2026/NĐ-CP).',
        );
      if (!isEditable(dossier.status))
        throw new DomainError('DOSSIER_INVALID_TRANSITION', 'Chỉ ghi đơn vị thẩm định độc lập khi hồ sơ đang dự thảo hoặc đang bổ sung.');
      const errors: Record<string, string[]> = {};
      if (isDecisionDateInFuture(dto.decisionDate, this.clock.today())) errors.decisionDate = [FUTURE_DECISION_MESSAGE];
      let agencyId: string | null = null;
      if (dto.kind === 'UNIT') {
        const [unit]: { id: string; province_code: string }[] = await em.query(`SELECT id, province_code FROM agencies WHERE id = $1`, [
          dto.agencyId,
        ]);
        if (!unit) errors.agencyId = ['không có cơ quan này'];
        else if ([dossier.ownerAgencyId, dossier.operatorAgencyId].includes(unit.id))
          errors.agencyId = ['đơn vị được giao phải độc lập: không phải chủ quản, không phải đơn vị vận hành hệ thống'];
        else if (unit.province_code !== dossier.provinceCode) errors.agencyId = ['đơn vị được giao phải thuộc tỉnh của chủ quản'];
        agencyId = unit?.id ?? null;
      } else if (!dto.members?.length) {
        errors.members = ['Hội đồng thẩm định độc lập cần danh sách thành viên'];
      }
      if (Object.keys(errors).length) throw new DomainError('VALIDATION_FAILED', 'Thông tin đơn vị thẩm định độc lập chưa hợp lệ.', errors);
      const next: Dossier = {
        ...dossier,
        independentAppraiser: {
          kind: dto.kind,
          agencyId,
          name: dto.name,
          decisionNumber: dto.decisionNumber,
          decisionDate: dto.decisionDate,
          members: dto.kind === 'COUNCIL' ? (dto.members ?? []).map(({ name, title }) => ({ name, title })) : [],
          recordedBy: user.username,
        },
        version: dossier.version + 1,
      };
      await saveDossier(em, next, dto.version);
      await this.audit.record(em, {
        action: 'DOSSIER_INDEPENDENT_APPRAISER',
        entityType: 'dossier',
        entityId: id,
        before: { independentAppraiser: dossier.independentAppraiser },
        after: { independentAppraiser: next.independentAppraiser },
      });
      return this.queries.toDto(em, next, user);
    });
  }
}
