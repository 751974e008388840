import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { DomainError, notFound, versionConflict } from '../common/errors/domain-error';
import { FindingDto, UpdateFindingDto } from './dto/inspection.dto';
import { requireInspectionWriter, visibleSystem } from './inspection-access';
import { mapFinding } from './inspections.query';

/**
 * A finding of an inspection is a remediation item (ND331 Art. 27.3.d, 28.5.c: the results are the ground for fixing
 * the weaknesses found): marked done with its date and a note, or given a new due date, under optimistic locking.
 */
@Injectable()
export class InspectionFindingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async update(user: AuthUser, systemId: string, inspectionId: string, findingId: string, dto: UpdateFindingDto): Promise<FindingDto> {
    const today = this.clock.today();
    if (dto.status === 'DONE' && !dto.resolvedOn)
      throw new DomainError('VALIDATION_FAILED', 'Cần ngày khắc phục xong.', { resolvedOn: ['bắt buộc khi đã khắc phục'] });
    if (dto.resolvedOn && dto.resolvedOn > today)
      throw new DomainError('VALIDATION_FAILED', 'Ngày khắc phục không được sau hôm nay.', { resolvedOn: ['không được sau ngày hôm nay'] });
    return this.dataSource.transaction(async (em) => {
      const system = await visibleSystem(em, this.access, user, systemId, true);
      requireInspectionWriter(this.access, user, system);
      const [before]: { status: string; due_on: string; version: number; performed_on: string }[] = await em.query(
        `SELECT f.status, to_char(f.due_on, 'YYYY-MM-DD') AS due_on, f.version, to_char(i.performed_on, 'YYYY-MM-DD') AS performed_on
           FROM inspection_findings f JOIN inspections i ON i.id = f.inspection_id
          WHERE f.id = $1 AND f.inspection_id = $2 AND f.system_id = $3 FOR UPDATE OF f`,
        [findingId, inspectionId, systemId],
      );
      if (!before) throw notFound('Không tìm thấy tồn tại cần khắc phục.');
      if (dto.resolvedOn && dto.resolvedOn < before.performed_on)
        throw new DomainError('VALIDATION_FAILED', 'Ngày khắc phục không được trước ngày kiểm tra.', {
          resolvedOn: ['trước ngày kiểm tra'],
        });
      if (dto.dueOn && dto.dueOn < before.performed_on)
        throw new DomainError('VALIDATION_FAILED', 'Hạn khắc phục không được trước ngày kiểm tra.', { dueOn: ['trước ngày kiểm tra'] });
      const [rows, count]: [unknown[], number] = await em.query(
        `UPDATE inspection_findings SET status = $3, resolved_on = $4, due_on = COALESCE($5, due_on), note = COALESCE($6, note),
                version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $2`,
        [findingId, dto.version, dto.status, dto.status === 'DONE' ? dto.resolvedOn : null, dto.dueOn ?? null, dto.note ?? null],
      );
      void rows;
      if (count === 0) throw versionConflict();
      await this.audit.record(em, {
        action: 'INSPECTION_FINDING_UPDATED',
        entityType: 'system',
        entityId: systemId,
        before: { findingId, status: before.status, dueOn: before.due_on },
        after: {
          findingId,
          status: dto.status,
          resolvedOn: dto.resolvedOn ?? null,
          dueOn: dto.dueOn ?? before.due_on,
          note: dto.note ?? null,
        },
      });
      const [row] = await em.query(
        `SELECT f.id, f.inspection_id, f.description, to_char(f.due_on, 'YYYY-MM-DD') AS due_on, f.status,
                to_char(f.resolved_on, 'YYYY-MM-DD') AS resolved_on, f.note, f.version
           FROM inspection_findings f WHERE f.id = $1`,
        [findingId],
      );
      return mapFinding(row, today);
    });
  }
}
