import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { notFound } from '../common/errors/domain-error';
import { DossiersQueryService } from '../dossiers/dossiers-query.service';
import { HistoryEntryDto, RevisionDto, RevisionSummaryDto } from './dto/history.dto';
import type { DossierAction } from '../dossiers/dossier-actions';
import { DossierStatus, statusLabel } from '../dossiers/dossier-status';
import { REDACTED_REVISION } from '../dossiers/state-secret-dossier';
import { personLabel } from '../users/person-label';

/** Every action's name in the history, in Vietnamese (typed by the table, so a new action cannot go unnamed). */
export const ACTION_LABELS: Record<DossierAction, string> = {
  submit: 'Gửi thẩm định',
  'request-opinion': 'Xin ý kiến chuyên môn (Mẫu 03)',
  'give-opinion': 'Cho ý kiến chuyên môn',
  'owner-submit': 'Chủ quản gửi thẩm định',
  return: 'Yêu cầu bổ sung',
  'start-appraisal': 'Tiếp nhận, bắt đầu thẩm định',
  appraise: 'Cho ý kiến thẩm định',
  'request-approval': 'Trình chủ quản phê duyệt (Tờ trình, Mẫu 05)',
  approve: 'Phê duyệt cấp độ',
  'approve-plan': 'Phê duyệt phương án bảo đảm an ninh mạng (Mẫu 07)',
  'record-listing': 'Ghi nhận quyết định phê duyệt Danh mục của Thủ tướng Chính phủ',
  'request-listing': 'Đề nghị đưa vào Danh mục hệ thống thông tin quan trọng về an ninh quốc gia',
  withdraw: 'Rút hồ sơ',
  supersede: 'Được thay thế bởi hồ sơ mới',
};

interface RevisionRow {
  number: number;
  sha256: string;
  submitted_at: Date;
  username: string | null;
  full_name: string | null;
  title: string | null;
}

/** The history of transitions and the frozen revisions of a dossier (read-only). */
@Injectable()
export class DossierHistoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: DossiersQueryService,
  ) {}

  async history(user: AuthUser, id: string): Promise<HistoryEntryDto[]> {
    await this.queries.findVisible(user, id);
    const rows: {
      id: string;
      action: string;
      from_status: string | null;
      to_status: DossierStatus;
      revision: number | null;
      actor_username: string | null;
      actor_name: string | null;
      actor_title: string | null;
      note: string | null;
      details: object | null;
      at: Date;
    }[] = await this.dataSource.query(
      `SELECT e.*, u.full_name AS actor_name, u.title AS actor_title
         FROM dossier_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.dossier_id = $1 ORDER BY e.id`,
      [id],
    );
    return rows.map((r) => ({
      id: String(r.id),
      action: r.action,
      actionLabel: ACTION_LABELS[r.action as DossierAction] ?? r.action,
      fromStatus: r.from_status,
      toStatus: r.to_status,
      toStatusLabel: statusLabel(r.to_status),
      revision: r.revision,
      actor: r.actor_username,
      // Issue 21 point 6: a person reads a name and a title, not a username.
      actorName: r.actor_name || r.actor_username ? personLabel(r.actor_name, r.actor_title, r.actor_username) : null,
      note: r.note,
      details: r.details ?? {},
      at: r.at.toISOString(),
    }));
  }

  async revisions(user: AuthUser, id: string): Promise<RevisionSummaryDto[]> {
    await this.queries.findVisible(user, id);
    const rows = await this.dataSource.query(
      `SELECT r.number, r.sha256, r.submitted_at, u.username, u.full_name, u.title
         FROM dossier_revisions r LEFT JOIN users u ON u.id = r.submitted_by WHERE r.dossier_id = $1 ORDER BY r.number`,
      [id],
    );
    return rows.map((r: RevisionRow) => ({
      number: r.number,
      sha256: r.sha256,
      submittedAt: r.submitted_at.toISOString(),
      submittedBy: r.username,
      submittedByName: r.username ? personLabel(r.full_name, r.title, r.username) : null,
    }));
  }

  async revision(user: AuthUser, id: string, number: number): Promise<RevisionDto> {
    const dossier = await this.queries.findVisible(user, id);
    const [row] = await this.dataSource.query(
      `SELECT r.number, r.sha256, r.submitted_at, r.content, u.username, u.full_name, u.title
         FROM dossier_revisions r LEFT JOIN users u ON u.id = r.submitted_by WHERE r.dossier_id = $1 AND r.number = $2`,
      [id, number],
    );
    if (!row) throw notFound('Không có lần gửi này.');
    // Law 116/2025 Art. 15: what was sent for a state-secret system is not shown online; its hash still proves it.
    const content = (await this.queries.involvesStateSecret(this.dataSource.manager, dossier)) ? REDACTED_REVISION : row.content;
    return {
      number: row.number,
      sha256: row.sha256,
      submittedAt: row.submitted_at.toISOString(),
      submittedBy: row.username,
      submittedByName: row.username ? personLabel(row.full_name, row.title, row.username) : null,
      content,
    };
  }
}
