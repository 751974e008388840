import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { DomainError, FieldErrors, notFound } from '../common/errors/domain-error';
import { ALLOWED_MEDIA_TYPES, decodeFileName, detectAllowedType, MAX_ATTACHMENT_BYTES, storedFileName } from '../dossiers/attachment-type';
import { mirrorInspections } from '../systems/system-writes';
import { InspectionDto, RecordInspectionBody } from './dto/inspection.dto';
import { InspectedSystem, mayRecordInspection, requireInspectionWriter, visibleSystem } from './inspection-access';
import { inspectionsOf, scheduleRowsSql, ScheduleRow } from './inspections.query';

export interface UploadedReport {
  originalname: string;
  buffer: Buffer;
  size: number;
}

interface CheckedReport {
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  content: Buffer;
}

/**
 * Records an inspection of a system (ND85 Art. 20.2.c; ND331 Arts. 27, 28.5, 31.2.c; Law 116 Art. 11.1.b) with its
 * findings as remediation items, in one transaction with the audit row and the legacy mirror on `systems`.
 */
@Injectable()
export class InspectionRecordingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthUser, systemId: string): Promise<InspectionDto[]> {
    const em = this.dataSource.manager;
    const system = await visibleSystem(em, this.access, user, systemId);
    return inspectionsOf(em, systemId, this.clock.today(), { level: system.approvedLevel, listed: await this.listed(system) });
  }

  /** What the system's inspection page shows besides the schedule: the system, the records, whether the user may record. */
  async page(
    user: AuthUser,
    systemId: string,
  ): Promise<{ system: { id: string; name: string }; canWrite: boolean; inspections: InspectionDto[] }> {
    const em = this.dataSource.manager;
    const system = await visibleSystem(em, this.access, user, systemId);
    const inspections = await inspectionsOf(em, systemId, this.clock.today(), {
      level: system.approvedLevel,
      listed: await this.listed(system),
    });
    const canWrite = mayRecordInspection(this.access, user, system) && !system.retiredAt;
    return { system: { id: system.id, name: system.name }, canWrite, inspections };
  }

  async record(user: AuthUser, systemId: string, body: RecordInspectionBody, file: UploadedReport | undefined): Promise<InspectionDto> {
    const today = this.clock.today();
    const errors: FieldErrors = {};
    if (body.performedOn > today) errors.performedOn = ['không được sau ngày hôm nay'];
    (body.findings ?? []).forEach((f, i) => {
      if (f.dueOn < body.performedOn) errors[`findings.${i}.dueOn`] = ['không được trước ngày kiểm tra'];
    });
    if (Object.keys(errors).length) throw new DomainError('VALIDATION_FAILED', 'Thông tin kiểm tra chưa hợp lệ.', errors);
    const report = file && file.size > 0 ? await checkedReport(file) : null;
    return this.dataSource.transaction(async (em) => {
      const system = await visibleSystem(em, this.access, user, systemId, true);
      requireInspectionWriter(this.access, user, system);
      if (system.retiredAt) throw new DomainError('SYSTEM_RETIRED', 'Hệ thống đã dừng vận hành, không ghi nhận thêm kiểm tra.');
      if (report && system.stateSecret)
        throw new DomainError('STATE_SECRET_MINIMAL_METADATA', 'Hệ thống xử lý bí mật nhà nước: không lưu báo cáo kiểm tra trên capdo.', {
          file: ['không được tải tệp cho hệ thống bí mật nhà nước'],
        });
      if (body.performerAgencyId) {
        const known = await em.query(`SELECT 1 FROM agencies WHERE id = $1`, [body.performerAgencyId]);
        if (!known.length)
          throw new DomainError('VALIDATION_FAILED', 'Không tìm thấy cơ quan thực hiện.', {
            performerAgencyId: ['không có trong danh mục'],
          });
      }
      const [{ id }]: { id: string }[] = await em.query(
        `INSERT INTO inspections (system_id, kind, covers_organisation, performed_on, performer, performer_agency_id, independent, qualified,
                method, summary, report_file_name, report_media_type, report_size_bytes, report_sha256, report_content, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
        [
          systemId,
          body.kind,
          body.coversOrganisation ?? false,
          body.performedOn,
          body.performer,
          body.performerAgencyId ?? null,
          body.independent,
          body.qualified,
          body.method,
          body.summary || null,
          report?.fileName ?? null,
          report?.mediaType ?? null,
          report?.size ?? null,
          report?.sha256 ?? null,
          report?.content ?? null,
          user.id,
        ],
      );
      for (const f of body.findings ?? []) {
        await em.query(`INSERT INTO inspection_findings (inspection_id, system_id, description, due_on) VALUES ($1, $2, $3, $4)`, [
          id,
          systemId,
          f.description,
          f.dueOn,
        ]);
      }
      await mirrorInspections(em, systemId);
      await this.audit.record(em, {
        action: 'INSPECTION_RECORDED',
        entityType: 'system',
        entityId: systemId,
        after: {
          inspectionId: id,
          kind: body.kind,
          performedOn: body.performedOn,
          performer: body.performer,
          independent: body.independent,
          qualified: body.qualified,
          method: body.method,
          findings: (body.findings ?? []).length,
          reportSha256: report?.sha256 ?? null,
        },
      });
      const all = await inspectionsOf(em, systemId, today, { level: system.approvedLevel, listed: await this.listed(system, em) });
      return all.find((i) => i.id === id)!;
    });
  }

  /** The report file of an inspection, if the user may see the system. */
  async report(user: AuthUser, systemId: string, inspectionId: string): Promise<{ fileName: string; mediaType: string; content: Buffer }> {
    const em = this.dataSource.manager;
    await visibleSystem(em, this.access, user, systemId);
    const [row]: { report_file_name: string; report_media_type: string; report_content: Buffer | null }[] = await em.query(
      `SELECT report_file_name, report_media_type, report_content FROM inspections WHERE id = $1 AND system_id = $2`,
      [inspectionId, systemId],
    );
    if (!row?.report_content) throw notFound('Lần kiểm tra này không có báo cáo đính kèm.');
    return { fileName: row.report_file_name, mediaType: row.report_media_type, content: row.report_content };
  }

  private async listed(system: InspectedSystem, em = this.dataSource.manager): Promise<boolean> {
    const [row]: ScheduleRow[] = await em.query(scheduleRowsSql('s.id = $2'), [this.clock.today(), system.id]);
    return row?.listed ?? false;
  }
}

async function checkedReport(file: UploadedReport): Promise<CheckedReport> {
  if (file.size > MAX_ATTACHMENT_BYTES)
    throw new DomainError('PAYLOAD_TOO_LARGE', 'Tệp báo cáo vượt quá 20 MB.', { file: ['tối đa 20 MB'] });
  const mediaType = await detectAllowedType(file.buffer);
  if (!mediaType)
    throw new DomainError('ATTACHMENT_TYPE_NOT_ALLOWED', `Báo cáo kiểm tra phải là ${Object.values(ALLOWED_MEDIA_TYPES).join(', ')}.`, {
      file: ['loại tệp không được chấp nhận (kiểm tra theo nội dung, không theo tên)'],
    });
  return {
    fileName: storedFileName(decodeFileName(file.originalname), mediaType),
    mediaType,
    size: file.size,
    sha256: createHash('sha256').update(file.buffer).digest('hex'),
    content: file.buffer,
  };
}
