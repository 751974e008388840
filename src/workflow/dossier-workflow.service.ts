import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth-user';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../common/clock';
import { DomainError, versionConflict } from '../common/errors/domain-error';
import { DossierDto } from '../dossiers/dto/dossier.dto';
import { DossierCompletenessService } from '../dossiers/dossier-completeness.service';
import { Dossier } from '../dossiers/dossier.entity';
import { DossiersQueryService } from '../dossiers/dossiers-query.service';
import { NotificationKind } from '../notifications/notification-kinds';
import { NotificationsService } from '../notifications/notifications.service';
import { RoutingRulesService } from '../routing/routing-rules.service';
import { ActionDto, AppraiseDto, ApproveDto, ReturnDto } from './dto/actions.dto';
import { DossierStatus } from '../dossiers/dossier-status';
import { involvesStateSecret } from '../dossiers/state-secret-dossier';
import { ActorRole, decideTransition, DossierAction, TransitionContext } from './dossier-transitions';
import { contentHash } from './revision-hash';
import { appraisalDeadline, approvalDeadline, Deadline, validityDeadline } from './statutory-deadlines';

type AnyActionDto = ActionDto & Partial<ReturnDto & AppraiseDto & ApproveDto>;

/**
 * Moves a dossier through the state machine. One transaction per action: the row is locked, the version the
 * client read is checked (two people acting at once: one wins, the other gets 409), the transition table
 * decides, and the change, its history event, the audit row and the notifications commit together.
 */
@Injectable()
export class DossierWorkflowService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly queries: DossiersQueryService,
    private readonly completeness: DossierCompletenessService,
    private readonly routing: RoutingRulesService,
    private readonly calendars: CalendarService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  act(user: AuthUser, id: string, action: Exclude<DossierAction, 'supersede'>, dto: AnyActionDto): Promise<DossierDto> {
    return this.dataSource.transaction(async (em) => {
      const dossier = await this.queries.findVisible(user, id, em, true);
      if (dossier.version !== dto.version) throw versionConflict();
      const ctx = await this.context(em, user, dossier, action, dto);
      const decision = decideTransition(action, ctx.transition);
      if (!decision.ok) {
        const missing = decision.code === 'DOSSIER_INCOMPLETE' ? { missing: ctx.missing } : undefined;
        throw new DomainError(decision.code, decision.message, undefined, missing);
      }
      const from = dossier.status as DossierStatus;
      const next = await this.apply(em, user, dossier, action, decision.to, dto, ctx);
      await this.save(em, next, dto.version);
      await this.recordEvent(em, user, next, action, from, dto.note, eventDetails(action, dto, next));
      await this.notify(em, next, action, decision.to);
      if (decision.to === 'APPROVED') await this.applyApproval(em, user, next);
      return this.queries.toDto(em, next);
    });
  }

  private async context(em: EntityManager, user: AuthUser, dossier: Dossier, action: DossierAction, dto: AnyActionDto) {
    const roles: ActorRole[] = [];
    if (this.access.canWriteSystemOf(user, dossier) && user.role !== 'APPRAISER') roles.push('PREPARER');
    if (this.isRoutedAppraiser(user, dossier)) roles.push('APPRAISER');
    if (this.isApprover(user, dossier)) roles.push('APPROVER');
    let missing: { code: string; message: string }[] = [];
    let route: Awaited<ReturnType<RoutingRulesService['resolve']>>;
    if (action === 'submit') {
      missing = (await this.completeness.of(em, dossier)).missing;
      route = await this.routing.resolve(em, dossier.ownerAgencyId, dossier.proposedLevel, dossier.regime);
    }
    const [system]: { internal_regulation_number: string | null; internal_regulation_date: string | null; state_secret: boolean }[] = await em.query(
      `SELECT internal_regulation_number, internal_regulation_date, state_secret FROM systems WHERE id = $1`,
      [dossier.systemId],
    );
    const transition: TransitionContext = {
      status: dossier.status as DossierStatus,
      actorRoles: roles,
      proposedLevel: dossier.proposedLevel,
      sameBodyAppraisesAndApproves: !!dossier.appraiserAgencyId && dossier.appraiserAgencyId === dossier.approverAgencyId,
      missingCount: missing.length,
      routed: !!route,
      returnItems: dto.items,
      conclusion: dto.conclusion,
      reasons: dto.reasons,
      decisionLevel: dto.level,
      internalRegulationIssued: !!system.internal_regulation_number && !!system.internal_regulation_date,
      decisionDate: dto.decisionDate,
      today: this.clock.today(),
      stateSecret: involvesStateSecret(system.state_secret, dossier.classification.facts),
    };
    return { transition, missing, route };
  }

  /** The routed appraising body's appraisers; an external body (e.g. Bộ Công an) is recorded by an administrator. */
  private isRoutedAppraiser(user: AuthUser, d: Dossier): boolean {
    if (d.appraiserAgencyId) return user.role === 'APPRAISER' && user.agencyId === d.appraiserAgencyId;
    return user.role === 'ADMIN' && d.appraiserName !== null;
  }

  /** The approving body: an agency's appraisers, or an administrator recording the owner's or an external decision. */
  private isApprover(user: AuthUser, d: Dossier): boolean {
    if (d.approverKind === 'AGENCY') return user.role === 'APPRAISER' && user.agencyId === d.approverAgencyId;
    if (d.approverKind === 'OWNER') return user.role === 'ADMIN' || (user.role === 'APPRAISER' && user.agencyId === d.ownerAgencyId);
    return d.approverKind === 'EXTERNAL' && user.role === 'ADMIN';
  }

  private async apply(em: EntityManager, user: AuthUser, d: Dossier, action: DossierAction, to: DossierStatus, dto: AnyActionDto, ctx: Awaited<ReturnType<DossierWorkflowService['context']>>): Promise<Dossier> {
    const today = this.clock.today();
    const now = this.clock.now();
    const calendar = await this.calendars.calendar(em);
    const next: Dossier = { ...d, status: to, version: d.version + 1 };
    const due = (deadline: Deadline | null) => {
      next.dueOn = deadline?.due ?? null;
      next.dueKind = deadline?.kind ?? null;
    };
    switch (action) {
      case 'submit': {
        const route = ctx.route!;
        next.currentRevision = d.currentRevision + 1;
        Object.assign(next, {
          routingRuleId: route.ruleId,
          appraiserAgencyId: route.appraiserAgencyId,
          appraiserName: route.appraiserName,
          approverKind: route.approverKind,
          approverAgencyId: route.approverAgencyId,
          approverName: route.approverName,
          submittedAt: now,
          firstSubmittedAt: d.firstSubmittedAt ?? now,
          receivedOn: today,
          clockStartedOn: null,
          returnItems: null,
          appraisal: null,
        });
        due(validityDeadline(today, calendar));
        await this.freezeRevision(em, user, next);
        break;
      }
      case 'return':
        next.returnItems = dto.items!;
        due(null);
        break;
      case 'start-appraisal':
        // The dossier is complete and valid today: the appraisal clock starts (and restarts after a return).
        next.clockStartedOn = today;
        due(appraisalDeadline(d.regime, d.proposedLevel, today, calendar));
        break;
      case 'appraise':
        next.appraisal = {
          conclusion: dto.conclusion!,
          opinions: dto.opinions ?? '',
          reasons: dto.reasons ?? [],
          revision: d.currentRevision,
          appraiserName: d.appraiserName ?? '',
          appraisedBy: user.username,
          appraisedAt: now.toISOString(),
        };
        due(to === 'APPRAISED' ? approvalDeadline(d.regime, today, calendar) : null);
        break;
      case 'approve':
        if (d.status === 'UNDER_APPRAISAL') {
          next.appraisal = { conclusion: 'SUITABLE', opinions: dto.note ?? '', reasons: [], revision: d.currentRevision, appraiserName: d.appraiserName ?? '', appraisedBy: user.username, appraisedAt: now.toISOString() };
        }
        next.decision = {
          number: dto.decisionNumber!,
          date: dto.decisionDate!,
          signerName: dto.signerName!,
          signerTitle: dto.signerTitle!,
          level: dto.level!,
          issuer: d.approverName ?? '',
          revision: d.currentRevision,
          approvedBy: user.username,
        };
        next.approvedAt = now;
        due(null);
        break;
      case 'withdraw':
        due(null);
        break;
    }
    return next;
  }

  /** Submission freezes what was sent: the full content with attachment hashes, numbered and hashed. */
  private async freezeRevision(em: EntityManager, user: AuthUser, d: Dossier): Promise<void> {
    const { workflow: _w, version: _v, updatedAt: _u, status: _s, statusLabel: _l, ...content } = await this.queries.toDto(em, d);
    await em.query(`INSERT INTO dossier_revisions (dossier_id, number, content, sha256, submitted_by, submitted_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
      d.id,
      d.currentRevision,
      JSON.stringify(content),
      contentHash(content),
      user.id,
      this.clock.now(),
    ]);
  }

  async save(em: EntityManager, next: Dossier, expectedVersion: number): Promise<void> {
    const { id, createdAt: _c, updatedAt: _u, ...values } = next;
    const { affected } = await em.createQueryBuilder().update(Dossier).set(values).where('id = :id AND version = :expectedVersion', { id, expectedVersion }).execute();
    if (affected !== 1) throw versionConflict();
  }

  async recordEvent(em: EntityManager, user: AuthUser | null, d: Dossier, action: DossierAction, from: DossierStatus, note: string | undefined, details: object): Promise<void> {
    await em.query(
      `INSERT INTO dossier_events (dossier_id, action, from_status, to_status, revision, actor_id, actor_username, note, details, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [d.id, action, from, d.status, d.currentRevision || null, user?.id ?? null, user?.username ?? null, note ?? null, JSON.stringify(details), this.clock.now()],
    );
    await this.audit.record(em, { action: `DOSSIER_${action.toUpperCase().replace('-', '_')}`, entityType: 'dossier', entityId: d.id, before: { status: from }, after: { status: d.status, revision: d.currentRevision, ...details } });
  }

  /** Approval sets the system's approved level and decision; the previously approved dossier is superseded. */
  private async applyApproval(em: EntityManager, user: AuthUser, d: Dossier): Promise<void> {
    const decision = d.decision!;
    await em.query(
      `UPDATE systems SET approved_level = $2, approval_decision_number = $3, approval_decision_date = $4, approval_decision_issuer = $5,
              version = version + 1, updated_at = now() WHERE id = $1`,
      [d.systemId, decision.level, decision.number, decision.date, decision.issuer],
    );
    await this.audit.record(em, { action: 'APPROVED_LEVEL', entityType: 'system', entityId: d.systemId, after: { approvedLevel: decision.level, decisionNumber: decision.number, dossierId: d.id } });
    const previous: Dossier[] = await em.getRepository(Dossier).createQueryBuilder('d').where('d.system_id = :systemId AND d.status = :status AND d.id <> :id', { systemId: d.systemId, status: 'APPROVED', id: d.id }).setLock('pessimistic_write').getMany();
    for (const old of previous) {
      const superseded: Dossier = { ...old, status: 'SUPERSEDED', version: old.version + 1 };
      await this.save(em, superseded, old.version);
      await this.recordEvent(em, user, superseded, 'supersede', 'APPROVED', `Thay thế bởi hồ sơ ${d.id}`, { supersededBy: d.id });
    }
  }

  private async notify(em: EntityManager, d: Dossier, action: DossierAction, to: DossierStatus): Promise<void> {
    const system = (await em.query(`SELECT name FROM systems WHERE id = $1`, [d.systemId]))[0]?.name as string;
    const preparers = [d.ownerAgencyId, d.operatorAgencyId];
    const send = async (kind: NotificationKind, agencyIds: (string | null)[], roles: AuthUser['role'][], title: string, body: string) => {
      for (const agencyId of new Set(agencyIds.filter((a): a is string => !!a))) {
        await this.notifications.notify(em, { recipients: { agencyId, roles }, kind, title, body, dossierId: d.id });
      }
    };
    if (action === 'submit') await send('DOSSIER_ROUTED', [d.appraiserAgencyId], ['APPRAISER'], `Hồ sơ mới cần thẩm định: ${system}`, `Hồ sơ đề xuất cấp độ ${d.proposedLevel} của hệ thống "${system}" (lần gửi ${d.currentRevision}) đã được gửi đến ${d.appraiserName}. Hạn kiểm tra tính hợp lệ: ${formatDate(d.dueOn)}.`);
    if (action === 'return') await send('DOSSIER_RETURNED', preparers, ['AGENCY_OFFICER'], `Hồ sơ cần bổ sung: ${system}`, `${d.appraiserName} yêu cầu bổ sung: ${(d.returnItems ?? []).join('; ')}`);
    if (action === 'appraise') await send('DOSSIER_APPRAISED', preparers, ['AGENCY_OFFICER'], `Đã có ý kiến thẩm định: ${system}`, `Kết luận: ${to === 'APPRAISED' ? 'phù hợp' : 'chưa phù hợp'}.${d.appraisal?.reasons.length ? ` Nội dung chưa phù hợp: ${d.appraisal.reasons.join('; ')}` : ''}`);
    if (action === 'appraise' && to === 'APPRAISED' && d.approverKind === 'AGENCY' && d.approverAgencyId !== d.appraiserAgencyId) {
      await send('DOSSIER_ROUTED', [d.approverAgencyId], ['APPRAISER'], `Hồ sơ chờ phê duyệt: ${system}`, `Hạn phê duyệt: ${formatDate(d.dueOn)}.`);
    }
    if (action === 'approve') await send('DOSSIER_APPROVED', preparers, ['AGENCY_OFFICER'], `Đã phê duyệt cấp độ: ${system}`, `Quyết định số ${d.decision?.number} ngày ${formatDate(d.decision?.date ?? null)} phê duyệt cấp độ ${d.decision?.level}.`);
  }
}

function formatDate(day: string | null): string {
  return day ? day.split('-').reverse().join('/') : '';
}

function eventDetails(action: DossierAction, dto: AnyActionDto, d: Dossier): object {
  switch (action) {
    case 'return':
      return { items: d.returnItems };
    case 'appraise':
      return { conclusion: dto.conclusion, reasons: dto.reasons ?? [] };
    case 'approve':
      return { decision: d.decision };
    case 'submit':
      return { appraiser: d.appraiserName, approver: d.approverName, dueOn: d.dueOn };
    default:
      return { dueOn: d.dueOn };
  }
}
