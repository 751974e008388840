import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth-user';
import { DomainError, notFound } from '../common/errors/domain-error';
import { ALLOWED_MEDIA_TYPES, decodeFileName, detectAllowedType, storedFileName } from '../dossiers/attachment-type';
import { PlanItemEvidenceDto } from './dto/plan-item.dto';
import { recordPlanItemEvent } from './plan-item-writes';
import { mapEvidence } from './plan-items.mapper';
import { assertPlanWriter, EvidenceRow, itemOf, visibleSystem } from './plan-items.query';

export interface UploadedEvidence {
  originalname: string;
  buffer: Buffer;
  size: number;
}

/** Evidence that an item is deployed (a configuration export, an acceptance record…): files in PostgreSQL with their SHA-256. */
@Injectable()
export class PlanItemEvidenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  upload(user: AuthUser, systemId: string, itemId: string, file: UploadedEvidence | undefined): Promise<PlanItemEvidenceDto> {
    if (!file || file.size === 0) throw new DomainError('VALIDATION_FAILED', 'Chưa chọn tệp để tải lên.', { file: ['bắt buộc'] });
    return this.dataSource.transaction(async (em) => {
      const system = await visibleSystem(em, this.access, user, systemId);
      assertPlanWriter(this.access, user, system);
      const item = await itemOf(em, systemId, itemId, true);
      if (item.superseded_at)
        throw new DomainError('PLAN_ITEM_SUPERSEDED', 'Hạng mục thuộc phương án cũ đã được thay thế, không thêm tệp được nữa.');
      const mediaType = await detectAllowedType(file.buffer);
      if (!mediaType) {
        throw new DomainError(
          'ATTACHMENT_TYPE_NOT_ALLOWED',
          `Chỉ nhận tệp ${Object.values(ALLOWED_MEDIA_TYPES).join(', ')}; nội dung tệp này không thuộc các loại đó.`,
          { file: ['loại tệp không được chấp nhận (kiểm tra theo nội dung, không theo tên)'] },
        );
      }
      const [row]: EvidenceRow[] = await em.query(
        `INSERT INTO plan_item_evidence (plan_item_id, file_name, media_type, size_bytes, sha256, content, uploaded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         RETURNING id, plan_item_id, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at`,
        [
          itemId,
          storedFileName(decodeFileName(file.originalname), mediaType),
          mediaType,
          file.size,
          createHash('sha256').update(file.buffer).digest('hex'),
          file.buffer,
          user.id,
        ],
      );
      const result = mapEvidence(row);
      await recordPlanItemEvent(em, {
        itemId,
        action: 'EVIDENCE_ADDED',
        actorId: user.id,
        after: { fileName: result.fileName, sha256: result.sha256 },
      });
      await this.audit.record(em, {
        action: 'PLAN_ITEM_EVIDENCE',
        entityType: 'system',
        entityId: systemId,
        after: { planItemId: itemId, ...result },
      });
      return result;
    });
  }

  async download(
    user: AuthUser,
    systemId: string,
    itemId: string,
    fileId: string,
  ): Promise<{ fileName: string; mediaType: string; content: Buffer }> {
    const em = this.dataSource.manager;
    await visibleSystem(em, this.access, user, systemId);
    await itemOf(em, systemId, itemId);
    const [row]: { file_name: string; media_type: string; content: Buffer }[] = await em.query(
      `SELECT file_name, media_type, content FROM plan_item_evidence WHERE id = $1 AND plan_item_id = $2`,
      [fileId, itemId],
    );
    if (!row) throw notFound('Không tìm thấy tệp minh chứng.');
    return { fileName: row.file_name, mediaType: row.media_type, content: row.content };
  }
}
