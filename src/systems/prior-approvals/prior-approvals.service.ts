import { createHash } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../../access/access.service';
import { AuditService } from '../../audit/audit.service';
import { AuthUser } from '../../auth/auth-user';
import { Clock } from '../../common/clock';
import { Page } from '../../common/http/pagination';
import { DomainError, FieldErrors, notFound, versionConflict } from '../../common/errors/domain-error';
import { decodeFileName, detectAllowedType, storedFileName } from '../../dossiers/attachment-type';
import { STATE_SECRET_MESSAGE } from '../system-rules';
import { SystemsQueryService } from '../systems-query.service';
import { recordApprovedLevel } from '../system-writes';
import { SystemBecameStateSecretListener, SystemStateSecretHooks } from '../system-state-secret-hooks';
import { InformationSystem } from '../system.entity';
import {
  ConfirmPriorApprovalDto,
  PriorApprovalClaimBody,
  PriorApprovalClaimDto,
  PriorApprovalQueueQuery,
  RejectPriorApprovalDto,
} from './dto/prior-approval.dto';
import { CLAIM_COLUMNS, CLAIM_FROM, ClaimRow, currentClaim, mapClaim, workflowApproved } from './prior-approval-claims.query';
import { claimRefusal, confirmRefusal, EVIDENCE_MEDIA_TYPE, MAX_EVIDENCE_BYTES, Refusal, rejectRefusal } from './prior-approval-rules';

export interface UploadedEvidence {
  originalname: string;
  buffer: Buffer;
  size: number;
}

const NO_CLAIM = 'Hệ thống chưa có kê khai quyết định phê duyệt cấp độ.';

function refuse(refusal: Refusal, field?: string): never {
  const errors: FieldErrors | undefined = field ? { [field]: [refusal.message] } : undefined;
  throw new DomainError(refusal.code, refusal.message, errors);
}

/**
 * Decisions made before capdo existed (issue 16): the owner's officer declares one with its PDF (a claim), an
 * appraiser of the province or an administrator confirms it, which writes the level on record onto the system in the
 * same transaction, or rejects it with a reason. One pending claim per system; declaring again supersedes it.
 */
@Injectable()
export class PriorApprovalsService implements OnModuleInit, SystemBecameStateSecretListener {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly systems: SystemsQueryService,
    private readonly clock: Clock,
    private readonly stateSecretHooks: SystemStateSecretHooks,
  ) {}

  onModuleInit(): void {
    this.stateSecretHooks.register(this);
  }

  /** A system that becomes state-secret keeps no decision PDF online; the audit keeps the files' hashes (Law 116/2025 Art. 15). */
  async systemBecameStateSecret(em: EntityManager, _user: AuthUser, systemId: string): Promise<void> {
    const [dropped]: [{ id: string; evidence_file_name: string; evidence_sha256: string }[], number] = await em.query(
      `UPDATE prior_approval_claims SET evidence_content = NULL WHERE system_id = $1 AND evidence_content IS NOT NULL RETURNING id, evidence_file_name, evidence_sha256`,
      [systemId],
    );
    if (dropped.length) {
      await this.audit.record(em, {
        action: 'PRIOR_APPROVAL_EVIDENCE_DROPPED',
        entityType: 'system',
        entityId: systemId,
        after: { reason: 'STATE_SECRET', files: dropped.map((d) => ({ claimId: d.id, sha256: d.evidence_sha256 })) },
      });
    }
  }

  async claim(
    user: AuthUser,
    systemId: string,
    body: PriorApprovalClaimBody,
    file: UploadedEvidence | undefined,
  ): Promise<PriorApprovalClaimDto> {
    const evidence = await this.checkedEvidence(file);
    return this.dataSource.transaction(async (em) => {
      const system = await this.systems.findVisible(user, systemId, em, true);
      if (!(user.role === 'ADMIN' || (user.role === 'AGENCY_OFFICER' && user.agencyId === system.ownerAgencyId))) {
        throw new DomainError(
          'FORBIDDEN',
          'Chỉ cán bộ của cơ quan chủ quản (hoặc quản trị viên) kê khai quyết định phê duyệt cấp độ của hệ thống.',
        );
      }
      if (system.lifecycle === 'RETIRED') throw new DomainError('SYSTEM_RETIRED', 'Hệ thống đã dừng vận hành, không kê khai thêm.');
      if (system.stateSecret)
        throw new DomainError('STATE_SECRET_MINIMAL_METADATA', STATE_SECRET_MESSAGE, {
          file: ['không được tải tệp cho hệ thống bí mật nhà nước'],
        });
      const current = await currentClaim(em, systemId, true);
      const refusal = claimRefusal({
        workflowApproved: await workflowApproved(em, systemId),
        currentStatus: current?.status ?? null,
        decisionDate: body.decisionDate,
        today: this.clock.today(),
      });
      if (refusal) refuse(refusal, refusal.code === 'DECISION_DATE_IN_FUTURE' ? 'decisionDate' : undefined);
      const superseded = await this.supersedePending(em, systemId);
      const [{ id }]: { id: string }[] = await em.query(
        `INSERT INTO prior_approval_claims (system_id, level, decision_number, decision_date, issuer, evidence_file_name, evidence_media_type,
                evidence_size_bytes, evidence_sha256, evidence_content, status, origin, claimed_by, claimed_by_username, claimed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'CLAIMED', 'DECLARED', $11, $12, $13) RETURNING id`,
        [
          systemId,
          body.level,
          body.decisionNumber,
          body.decisionDate,
          body.issuer,
          evidence.fileName,
          EVIDENCE_MEDIA_TYPE,
          evidence.size,
          evidence.sha256,
          evidence.content,
          user.id,
          user.username,
          this.clock.now(),
        ],
      );
      const created = await this.byId(em, id);
      await this.audit.record(em, {
        action: 'PRIOR_APPROVAL_CLAIM',
        entityType: 'system',
        entityId: systemId,
        before: superseded ? { superseded } : null,
        after: created,
      });
      return created;
    });
  }

  async current(user: AuthUser, systemId: string): Promise<PriorApprovalClaimDto> {
    const em = this.dataSource.manager;
    await this.systems.findVisible(user, systemId, em);
    const row = await currentClaim(em, systemId);
    if (!row) throw notFound(NO_CLAIM);
    return mapClaim(row);
  }

  /** The current claim's PDF, for whoever may see the system. */
  async evidence(user: AuthUser, systemId: string): Promise<{ fileName: string; mediaType: string; content: Buffer }> {
    const em = this.dataSource.manager;
    const system = await this.systems.findVisible(user, systemId, em);
    if (system.stateSecret) throw new DomainError('STATE_SECRET_MINIMAL_METADATA', STATE_SECRET_MESSAGE);
    const row = await currentClaim(em, systemId);
    if (!row?.evidence_stored) throw notFound(row ? 'Kê khai chưa kèm bản quyết định phê duyệt.' : NO_CLAIM);
    const [{ content }]: { content: Buffer }[] = await em.query(
      `SELECT evidence_content AS content FROM prior_approval_claims WHERE id = $1`,
      [row.id],
    );
    return { fileName: row.evidence_file_name!, mediaType: row.evidence_media_type!, content };
  }

  confirm(user: AuthUser, systemId: string, dto: ConfirmPriorApprovalDto): Promise<PriorApprovalClaimDto> {
    return this.dataSource.transaction(async (em) => {
      const { system, claim } = await this.reviewable(em, user, systemId, dto.version);
      const refusal = confirmRefusal({
        status: claim.status,
        workflowApproved: await workflowApproved(em, systemId),
        hasEvidence: claim.evidence_stored,
        decisionDate: claim.decision_date,
        today: this.clock.today(),
      });
      if (refusal) refuse(refusal);
      await this.review(em, user, claim, 'CONFIRMED', null);
      const decision = {
        level: claim.level,
        decisionNumber: claim.decision_number,
        decisionDate: claim.decision_date,
        issuer: claim.issuer,
      };
      await recordApprovedLevel(em, systemId, decision);
      const confirmed = await this.byId(em, claim.id);
      await this.audit.record(em, {
        action: 'PRIOR_APPROVAL_CONFIRM',
        entityType: 'system',
        entityId: systemId,
        before: { approvedLevel: system.approvedLevel, approvalDecisionNumber: system.approvalDecisionNumber, claim: mapClaim(claim) },
        after: { approvedLevel: decision.level, approvalDecisionNumber: decision.decisionNumber, claim: confirmed },
      });
      return confirmed;
    });
  }

  reject(user: AuthUser, systemId: string, dto: RejectPriorApprovalDto): Promise<PriorApprovalClaimDto> {
    return this.dataSource.transaction(async (em) => {
      const { claim } = await this.reviewable(em, user, systemId, dto.version);
      const refusal = rejectRefusal(claim.status);
      if (refusal) refuse(refusal);
      await this.review(em, user, claim, 'REJECTED', dto.reason);
      const rejected = await this.byId(em, claim.id);
      await this.audit.record(em, {
        action: 'PRIOR_APPROVAL_REJECT',
        entityType: 'system',
        entityId: systemId,
        before: mapClaim(claim),
        after: rejected,
      });
      return rejected;
    });
  }

  /** An appraiser's queue: the province's claims (every province for an administrator), oldest first. */
  async queue(user: AuthUser, query: PriorApprovalQueueQuery): Promise<Page<PriorApprovalClaimDto>> {
    const scope = this.access.systemScope(user, 's');
    const status = query.status ?? 'CLAIMED';
    const { sql, params } = this.positional(scope.sql, scope.params, 2);
    const rows: (ClaimRow & { total: string })[] = await this.dataSource.query(
      `SELECT ${CLAIM_COLUMNS}, count(*) OVER () AS total FROM ${CLAIM_FROM}
        WHERE c.status = $1 AND ${sql}
        ORDER BY c.claimed_at, c.id LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      [status, ...params],
    );
    return { items: rows.map(mapClaim), total: rows.length ? Number(rows[0].total) : 0, page: query.page, pageSize: query.pageSize };
  }

  /** The system (locked) and its current claim (locked), for an appraiser of its province or an administrator. */
  private async reviewable(
    em: EntityManager,
    user: AuthUser,
    systemId: string,
    version: number,
  ): Promise<{ system: InformationSystem; claim: ClaimRow }> {
    const system = await this.systems.findVisible(user, systemId, em, true);
    if (!(user.role === 'ADMIN' || (user.role === 'APPRAISER' && user.provinceCode === system.provinceCode))) {
      throw new DomainError('FORBIDDEN', 'Chỉ cán bộ thẩm định của tỉnh (hoặc quản trị viên) xác nhận kê khai quyết định phê duyệt.');
    }
    const claim = await currentClaim(em, systemId, true);
    if (!claim) throw notFound(NO_CLAIM);
    if (claim.version !== version) throw versionConflict();
    return { system, claim };
  }

  private async review(
    em: EntityManager,
    user: AuthUser,
    claim: ClaimRow,
    status: 'CONFIRMED' | 'REJECTED',
    reason: string | null,
  ): Promise<void> {
    // An UPDATE answers [rows, affected count] through TypeORM's query().
    const [, affected]: [unknown[], number] = await em.query(
      `UPDATE prior_approval_claims SET status = $3, reviewed_by = $4, reviewed_by_username = $5, reviewed_at = $6, rejection_reason = $7, version = version + 1
        WHERE id = $1 AND version = $2`,
      [claim.id, claim.version, status, user.id, user.username, this.clock.now(), reason],
    );
    if (affected !== 1) throw versionConflict();
  }

  private async supersedePending(em: EntityManager, systemId: string): Promise<PriorApprovalClaimDto | null> {
    const [pending]: [{ id: string }[], number] = await em.query(
      `UPDATE prior_approval_claims SET status = 'SUPERSEDED', version = version + 1 WHERE system_id = $1 AND status = 'CLAIMED' RETURNING id`,
      [systemId],
    );
    return pending.length ? this.byId(em, pending[0].id) : null;
  }

  private async byId(em: EntityManager, id: string): Promise<PriorApprovalClaimDto> {
    const [row]: ClaimRow[] = await em.query(`SELECT ${CLAIM_COLUMNS} FROM ${CLAIM_FROM} WHERE c.id = $1`, [id]);
    return mapClaim(row);
  }

  /** The PDF, judged by its bytes (the name and the browser's claim are not trusted). */
  private async checkedEvidence(
    file: UploadedEvidence | undefined,
  ): Promise<{ fileName: string; size: number; sha256: string; content: Buffer }> {
    if (!file || file.size === 0)
      throw new DomainError('VALIDATION_FAILED', 'Chưa chọn bản quyết định phê duyệt (PDF) để kê khai.', { file: ['bắt buộc'] });
    if (file.size > MAX_EVIDENCE_BYTES)
      throw new DomainError('PAYLOAD_TOO_LARGE', 'Tệp quyết định vượt quá 10 MB.', { file: ['tối đa 10 MB'] });
    if ((await detectAllowedType(file.buffer)) !== EVIDENCE_MEDIA_TYPE) {
      throw new DomainError('ATTACHMENT_TYPE_NOT_ALLOWED', 'Bản quyết định phê duyệt phải là tệp PDF.', {
        file: ['chỉ nhận PDF (kiểm tra theo nội dung, không theo tên)'],
      });
    }
    return {
      // The user's name for it, without control or bidi characters, with the extension of what its bytes are.
      fileName: storedFileName(decodeFileName(file.originalname), EVIDENCE_MEDIA_TYPE),
      size: file.size,
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
      content: file.buffer,
    };
  }

  /** TypeORM-style named parameters (":name") of an access scope, as positional ones from `start`. */
  private positional(sql: string, params: Record<string, unknown>, start: number): { sql: string; params: unknown[] } {
    const values: unknown[] = [];
    const text = sql.replace(/:(\w+)/g, (_, name: string) => {
      values.push(params[name]);
      return `$${start + values.length - 1}`;
    });
    return { sql: text, params: values };
  }
}
