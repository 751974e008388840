import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth-user';
import type { ClassificationFacts, Regime } from '../classification/rules/classification.types';
import { regimeAtAct } from '../classification/rules/regime';
import { Clock } from '../common/clock';
import { NotificationsService } from '../notifications/notifications.service';
import { RoutingRulesService } from '../routing/routing-rules.service';
import type { InformationSystem } from '../systems/system.entity';
import { classificationFactsChanged, LevelChange, levelChange, overlayFromSystem, SystemRecordFacts } from './level-change';
import { autoArticles } from './redetermination-rules';

/** The system's values the hook reads, before and after an edit (the entity or the values about to be saved). */
export type EditedSystem = SystemRecordFacts &
  Pick<InformationSystem, 'ownerAgencyId' | 'provinceCode' | 'approvedLevel' | 'lifecycle' | 'investmentStartDate' | 'goLiveDate'> & {
    id?: string;
  };

/** What the notification says about a flag. */
export interface FlagNotice {
  flagId: string;
  systemId: string;
  systemName: string;
  ownerAgencyId: string;
  provinceCode: string;
  approvedLevel: number;
  computedLevel: number | null;
  articles: string[];
  regime: Regime;
}

/**
 * The flag "cần xác định lại cấp độ" raised from a system edit and settled by a new approval (ND331 Art. 25): called by
 * the systems feature and the workflow inside their transactions, so the flag, its audit row and its notifications
 * commit with the edit or the approval.
 */
@Injectable()
export class RedeterminationService {
  constructor(
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly routing: RoutingRulesService,
    private readonly clock: Clock,
  ) {}

  /**
   * After a system edit: when a classification fact changed and the rulebook in force now computes a level above the
   * approved one, open the system's automatic flag, or raise it to the new level. Returns the change, if any.
   */
  async afterSystemEdit(
    em: EntityManager,
    user: AuthUser,
    systemId: string,
    before: EditedSystem,
    after: EditedSystem,
  ): Promise<LevelChange | null> {
    const approvedLevel = after.approvedLevel;
    if (approvedLevel === null || after.lifecycle === 'RETIRED') return null;
    // A state-secret system's dossier is not prepared in capdo (Law 116/2025 Art. 15.2.b): no flag points to one.
    if (after.infoTypes.includes('STATE_SECRET')) return null;
    if (!classificationFactsChanged(overlayFromSystem(before), overlayFromSystem(after))) return null;
    const regime = regimeAtAct(this.clock.today(), after).regime;
    const change = levelChange({
      approvedLevel,
      approvedFacts: await approvedFacts(em, systemId),
      overlay: overlayFromSystem(after),
      regime,
    });
    if (!change) return null;
    const articles = autoArticles(change.articles);
    const [open]: { id: string; computed_level: number; version: number }[] = await em.query(
      `SELECT id, computed_level, version FROM redetermination_flags WHERE system_id = $1 AND status = 'OPEN' AND source = 'AUTO_EDIT' FOR UPDATE`,
      [systemId],
    );
    if (open && open.computed_level >= change.computedLevel) return change;
    let flagId: string;
    if (open) {
      flagId = open.id;
      await em.query(
        `UPDATE redetermination_flags SET computed_level = $2, level_is_floor = $3, regime = $4, articles = $5, reasons = $6, approved_level = $7,
                version = version + 1 WHERE id = $1`,
        [flagId, change.computedLevel, change.floor, regime, articles, change.reasons, approvedLevel],
      );
    } else {
      [{ id: flagId }] = await em.query(
        `INSERT INTO redetermination_flags (system_id, source, approved_level, computed_level, level_is_floor, regime, articles, reasons, raised_at, raised_by)
         VALUES ($1, 'AUTO_EDIT', $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [systemId, approvedLevel, change.computedLevel, change.floor, regime, articles, change.reasons, this.clock.now(), user.id],
      );
    }
    await this.audit.record(em, {
      action: open ? 'REDETERMINATION_FLAG_RAISED' : 'REDETERMINATION_FLAG_OPENED',
      entityType: 'system',
      entityId: systemId,
      before: open ? { flagId, computedLevel: open.computed_level } : null,
      after: { flagId, source: 'AUTO_EDIT', approvedLevel, computedLevel: change.computedLevel, floor: change.floor, regime, articles },
    });
    const [system]: { name: string }[] = await em.query(`SELECT name FROM systems WHERE id = $1`, [systemId]);
    await this.notify(em, {
      flagId,
      systemId,
      systemName: system.name,
      ownerAgencyId: after.ownerAgencyId,
      provinceCode: after.provinceCode,
      approvedLevel,
      computedLevel: change.computedLevel,
      articles,
      regime,
    });
    return change;
  }

  /** The owner's officers and heads, and the appraiser the routing rules give for the new level (else the province's). */
  async notify(em: EntityManager, n: FlagNotice): Promise<void> {
    const levelText = n.computedLevel === null ? 'cần xác định lại' : `cấp độ ${n.computedLevel}`;
    const title = `Hệ thống «${n.systemName}» cần xác định lại cấp độ`;
    const body = [
      `Hệ thống «${n.systemName}» đã được phê duyệt cấp độ ${n.approvedLevel}; theo thông tin hiện tại: ${levelText}.`,
      `Căn cứ: ${n.articles.join('; ')}.`,
      'Đơn vị vận hành lập hồ sơ đề xuất cấp độ mới theo trình tự, thủ tục xác định lần đầu (Điều 25 Nghị định 331/2026/NĐ-CP).',
      `Chi tiết: /he-thong/${n.systemId}#xac-dinh-lai`,
    ].join('\n');
    const dedupeKey = `redetermination:${n.flagId}:${n.computedLevel ?? 'x'}`;
    const base = { kind: 'REDETERMINATION_NEEDED' as const, title, body, dedupeKey };
    await this.notifications.notify(em, { ...base, recipients: { agencyId: n.ownerAgencyId, roles: ['AGENCY_OFFICER', 'AGENCY_HEAD'] } });
    for (const agencyId of await this.appraiserAgencies(em, n)) {
      await this.notifications.notify(em, { ...base, recipients: { agencyId, roles: ['APPRAISER'] } });
    }
  }

  private async appraiserAgencies(em: EntityManager, n: FlagNotice): Promise<string[]> {
    const route = await this.routing.resolve(em, n.ownerAgencyId, n.computedLevel ?? n.approvedLevel, n.regime);
    if (route?.appraiserAgencyId) return [route.appraiserAgencyId];
    const rows: { agency_id: string }[] = await em.query(
      `SELECT DISTINCT u.agency_id FROM users u JOIN agencies a ON a.id = u.agency_id
        WHERE u.active AND u.role = 'APPRAISER' AND a.province_code = $1`,
      [n.provinceCode],
    );
    return rows.map((r) => r.agency_id);
  }
}

/** The approved dossier's classification facts; none when the level on record came from a decision made before capdo. */
async function approvedFacts(em: EntityManager, systemId: string): Promise<Partial<ClassificationFacts>> {
  const [row]: { facts: Partial<ClassificationFacts> | null }[] = await em.query(
    `SELECT classification -> 'facts' AS facts FROM dossiers WHERE system_id = $1 AND status = 'APPROVED' ORDER BY updated_at DESC LIMIT 1`,
    [systemId],
  );
  return row?.facts ?? {};
}
