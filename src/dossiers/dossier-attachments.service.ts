import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth-user';
import { DomainError, notFound } from '../common/errors/domain-error';
import { AttachmentDto } from './dto/dossier.dto';
import { ALLOWED_MEDIA_TYPES, decodeFileName, detectAllowedType, storedFileName } from './attachment-type';
import { DossierAttachment } from './dossier-attachment.entity';
import { AttachmentKind } from './dossier-plan';
import { isEditable } from './dossier-status';
import { DossiersQueryService } from './dossiers-query.service';
import { mapAttachment } from './dossier.mapper';
import { sha256 } from './state-secret-dossier';
import { AccessService } from '../access/access.service';

export interface UploadedFile {
  originalname: string;
  buffer: Buffer;
  size: number;
}

/** Files of a dossier, stored in PostgreSQL with their SHA-256; editable only while the dossier is a draft. */
@Injectable()
export class DossierAttachmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly queries: DossiersQueryService,
  ) {}

  upload(user: AuthUser, dossierId: string, kind: AttachmentKind, file: UploadedFile | undefined): Promise<AttachmentDto> {
    if (!file || file.size === 0) throw new DomainError('VALIDATION_FAILED', 'Chưa chọn tệp để tải lên.', { file: ['bắt buộc'] });
    return this.dataSource.transaction(async (em) => {
      await this.editableDossier(user, dossierId, em, true);
      const mediaType = await detectAllowedType(file.buffer);
      if (!mediaType) {
        throw new DomainError(
          'ATTACHMENT_TYPE_NOT_ALLOWED',
          `Chỉ nhận tệp ${Object.values(ALLOWED_MEDIA_TYPES).join(', ')}; nội dung tệp này không thuộc các loại đó.`,
          {
            file: ['loại tệp không được chấp nhận (kiểm tra theo nội dung, không theo tên)'],
          },
        );
      }
      const attachment = await em.getRepository(DossierAttachment).save({
        dossierId,
        kind,
        fileName: storedFileName(decodeFileName(file.originalname), mediaType),
        mediaType,
        sizeBytes: file.size,
        sha256: createHash('sha256').update(file.buffer).digest('hex'),
        content: file.buffer,
        uploadedBy: user.id,
        uploadedAt: new Date(),
      });
      const result = mapAttachment(attachment);
      await this.audit.record(em, { action: 'ATTACH', entityType: 'dossier', entityId: dossierId, after: result });
      return result;
    });
  }

  async download(
    user: AuthUser,
    dossierId: string,
    attachmentId: string,
  ): Promise<{ fileName: string; mediaType: string; content: Buffer }> {
    const dossier = await this.queries.findVisible(user, dossierId);
    await this.queries.assertNotStateSecret(this.dataSource.manager, dossier);
    const attachment = await this.dataSource
      .getRepository(DossierAttachment)
      .createQueryBuilder('a')
      .addSelect('a.content')
      .where('a.id = :attachmentId AND a.dossier_id = :dossierId', { attachmentId, dossierId })
      .getOne();
    if (!attachment) throw notFound('Không tìm thấy tệp đính kèm.');
    // Rows stored before names followed the detected type are served under a name that does.
    return {
      fileName: storedFileName(attachment.fileName, attachment.mediaType),
      mediaType: attachment.mediaType,
      content: attachment.content,
    };
  }

  /** Deletes every file of a dossier in the caller's transaction; what remains of each is its id, kind and hashes. */
  async purge(
    em: EntityManager,
    dossierId: string,
  ): Promise<{ id: string; kind: string; sha256: string; fileNameSha256: string; sizeBytes: number }[]> {
    const rows: DossierAttachment[] = await em
      .getRepository(DossierAttachment)
      .find({ where: { dossierId }, order: { uploadedAt: 'ASC' } });
    if (rows.length) await em.getRepository(DossierAttachment).delete({ dossierId });
    return rows.map((a) => ({ id: a.id, kind: a.kind, sha256: a.sha256, fileNameSha256: sha256(a.fileName), sizeBytes: a.sizeBytes }));
  }

  remove(user: AuthUser, dossierId: string, attachmentId: string): Promise<void> {
    return this.dataSource.transaction(async (em) => {
      await this.editableDossier(user, dossierId, em);
      const attachment = await em.getRepository(DossierAttachment).findOneBy({ id: attachmentId, dossierId });
      if (!attachment) throw notFound('Không tìm thấy tệp đính kèm.');
      await em.getRepository(DossierAttachment).delete({ id: attachmentId });
      await this.audit.record(em, { action: 'DETACH', entityType: 'dossier', entityId: dossierId, before: mapAttachment(attachment) });
    });
  }

  /** Removing a file only takes data off line, so only uploads check the state-secret rule. */
  private async editableDossier(user: AuthUser, dossierId: string, em: EntityManager, upload = false) {
    const dossier = await this.queries.findVisible(user, dossierId, em, true);
    if (!this.access.canWriteSystemOf(user, dossier)) {
      throw new DomainError('FORBIDDEN', 'Chỉ cơ quan chủ quản hoặc đơn vị vận hành được sửa tệp của hồ sơ này.');
    }
    if (upload) await this.queries.assertNotStateSecret(em, dossier, 'file');
    if (!isEditable(dossier.status))
      throw new DomainError('DOSSIER_NOT_EDITABLE', 'Chỉ thêm, bớt tệp khi hồ sơ đang dự thảo hoặc đang bổ sung theo yêu cầu.');
    return dossier;
  }
}
