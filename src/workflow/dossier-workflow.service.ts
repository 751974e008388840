import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth-user';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../common/clock';
import { DomainError, FieldErrors, versionConflict } from '../common/errors/domain-error';
import { DossierDto } from '../dossiers/dto/dossier.dto';
import { DossierCompletenessService } from '../dossiers/dossier-completeness.service';
import type { Dossier } from '../dossiers/dossier.entity';
import { DossiersQueryService } from '../dossiers/dossiers-query.service';
import { DecisionFile, lockDossiersOfSystem, saveDossier, storeDecisionFile } from '../dossiers/dossier-writes';
import { detectAllowedType } from '../dossiers/attachment-type';
import { pathOf } from '../dossiers/dossier-procedure';
import { NotificationsService } from '../notifications/notifications.service';
import { Route, RoutingRulesService } from '../routing/routing-rules.service';
import { recordApprovedLevel } from '../systems/system-writes';
import { createPlanItemsFromApproval } from '../plan-items/plan-item-writes';
import { clearFlagsOnApproval } from '../redetermination/redetermination-writes';
import { ActionDto, AppraiseDto, ApproveDto, ReturnDto } from './dto/actions.dto';
import { GiveOpinionDto, ListingDecisionDto, PlanDecisionDto, RequestApprovalDto, RequestListingDto } from './dto/procedure-actions.dto';
import { DossierStatus, isEditable } from '../dossiers/dossier-status';
import { involvesStateSecret } from '../dossiers/state-secret-dossier';
import { assertProposalStillLawful } from '../dossiers/proposal-rules';
import { sameBodyAppraisesAndApproves, TRANSITIONS } from '../dossiers/dossier-actions';
import { regimeAtAct } from '../classification/rules/regime';
import { RegimeChange, regimeChangeAt, regimeChangeFieldErrors, switchedRegimeFields } from '../dossiers/regime-at-act';
import { decideTransition, DossierAction, TransitionContext } from './dossier-transitions';
import { dossierAfter, eventDetails } from './dossier-effects';
import { dossierNotices } from './dossier-notices';
import { contentHash } from './revision-hash';
import { FUTURE_DATE_FIELD, FUTURE_DATE_FIELD_MESSAGE } from './decision-date';

type AnyActionDto = ActionDto &
  Partial<
    ReturnDto & AppraiseDto & ApproveDto & GiveOpinionDto & RequestApprovalDto & PlanDecisionDto & ListingDecisionDto & RequestListingDto
  >;

/** The actions that record a decision, each with its signed file (ND331 Art. 18, 20.3), and the file's name. */
const DECISION_FILE_LABELS: Partial<Record<DossierAction, string>> = {
  approve: 'Quyết định phê duyệt cấp độ',
  'approve-plan': 'Quyết định phê duyệt phương án',
  'record-listing': 'Quyết định phê duyệt Danh mục',
};
/** Sending the dossier on: the routing rules decide the bodies (and the Art. 18.4 independence rule applies). */
const ROUTED_ACTIONS: readonly DossierAction[] = ['submit', 'owner-submit', 'request-opinion'];

/** One step of a dossier's history: who took which action, from which status, with what it recorded. */
export interface DossierHistoryEntry {
  /** null when the system acts on its own. */
  actor: AuthUser | null;
  /** The dossier after the action. */
  dossier: Dossier;
  action: DossierAction;
  from: DossierStatus;
  note?: string;
  details: object;
}

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

  act(
    user: AuthUser,
    id: string,
    action: Exclude<DossierAction, 'supersede'>,
    dto: AnyActionDto,
    file?: DecisionFile,
  ): Promise<DossierDto> {
    return this.dataSource.transaction(async (em) => {
      const dossier = await this.queries.findVisible(user, id, em, true);
      if (dossier.version !== dto.version) throw versionConflict();
      const system = await systemFacts(em, dossier.systemId);
      const { dossier: sent, change } = this.regimeAtSubmission(user, dossier, action, system);
      const ctx = await this.context(em, user, sent, action, dto, system, file);
      const decision = decideTransition(action, ctx.transition);
      if (!decision.ok) {
        const extra = {
          ...(decision.code === 'DOSSIER_INCOMPLETE' ? { missing: ctx.missing } : {}),
          ...(change ? { regimeChange: change } : {}),
        };
        // A decision dated after today: the form shows the confirmation box beside the date; one dated before the
        // dossier was first sent: the refusal stands beside the date (decision-date.ts).
        const fields: FieldErrors | undefined =
          decision.code === 'DECISION_DATE_IN_FUTURE' && dto.decisionDate
            ? { [FUTURE_DATE_FIELD]: [FUTURE_DATE_FIELD_MESSAGE] }
            : decision.code === 'DECISION_DATE_BEFORE_SUBMISSION'
              ? { decisionDate: [decision.message] }
              : undefined;
        throw new DomainError(decision.code, decision.message, fields, Object.keys(extra).length ? extra : undefined);
      }
      // Never sent below the criteria (dossiers/proposal-rules.ts): a stored proposal may predate the rule or the regime.
      if (ROUTED_ACTIONS.includes(action)) assertProposalStillLawful(sent);
      const from = dossier.status as DossierStatus;
      const next = await this.apply(em, user, sent, action, decision.to, dto, ctx);
      await this.save(em, next, dto.version);
      const label = DECISION_FILE_LABELS[action];
      if (label && file) await storeDecisionFile(em, next.id, file, user.id, label);
      await this.record(em, {
        actor: user,
        dossier: next,
        action,
        from,
        note: dto.note,
        details: { ...eventDetails(action, dto, next), ...(change ? { regimeChange: change } : {}) },
      });
      await this.notify(em, next, action, decision.to);
      if (decision.to === 'APPROVED') await this.applyApproval(em, user, next);
      const result = await this.queries.toDto(em, next, user);
      // What the sender should still see to (TT12 Art. 9.7 / ND331 Art. 30.7: the regulation, before approval).
      // A submission switched to the regime of its day says so (dossiers/regime-at-act.ts).
      return { ...result, ...(ctx.warnings.length ? { warnings: ctx.warnings } : {}), ...(change ? { regimeChange: change } : {}) };
    });
  }

  /**
   * A submission is judged under the regime of its own day (Law 64/2025 Art. 58.2; ND331 Arts. 38, 39.1), not the day the
   * draft was opened: the dossier is re-evaluated under it and switched when nothing the officer saw changes; otherwise it
   * is refused with what changed and which facts are needed (dossiers/regime-at-act.ts, docs/legal/regime-by-act.md).
   * Status and actor refusals come first, as the transition table says; a state-secret dossier is refused by the table.
   */
  private regimeAtSubmission(
    user: AuthUser,
    d: Dossier,
    action: DossierAction,
    system: SystemFacts,
  ): { dossier: Dossier; change?: RegimeChange } {
    const rule = TRANSITIONS[action];
    if (!ROUTED_ACTIONS.includes(action) || !rule.from.includes(d.status as DossierStatus)) return { dossier: d };
    if (!this.access.dossierActorRoles(user, d).includes(rule.actor)) return { dossier: d };
    if (system.state_secret) return { dossier: d };
    const today = this.clock.today();
    const decided = regimeAtAct(today, {
      lifecycle: system.lifecycle,
      investmentStartDate: system.investment_start_date,
      goLiveDate: system.go_live_date,
    });
    const facts = d.classification.facts;
    const review = regimeChangeAt({ ...d, facts }, decided, today, isEditable(d.status));
    if (!review) return { dossier: { ...d, transitionalProject: decided.transitional } };
    const { change, result } = review;
    if (!change.automatic || !result)
      throw new DomainError('DOSSIER_REGIME_CHANGED', change.message, regimeChangeFieldErrors(change), { regimeChange: change });
    return { dossier: { ...d, ...switchedRegimeFields(change, result, facts) }, change };
  }

  private async context(
    em: EntityManager,
    user: AuthUser,
    dossier: Dossier,
    action: DossierAction,
    dto: AnyActionDto,
    system: SystemFacts,
    file?: DecisionFile,
  ) {
    const roles = this.access.dossierActorRoles(user, dossier);
    const path = pathOf(dossier);
    let missing: { code: string; message: string }[] = [];
    let warnings: { code: string; message: string }[] = [];
    let route: Route | undefined;
    if (ROUTED_ACTIONS.includes(action)) {
      ({ missing, warnings } = await this.completeness.of(em, dossier));
      // Art. 20.1.d: the professional opinion is what Mẫu 03 asks for, so it is not missing yet.
      if (action === 'request-opinion') missing = missing.filter((m) => m.code !== 'EXPERT_OPINION_MISSING');
      // ND331 Art. 20.4: a level 3–4 system on the List is routed as a level-5 one (the ministry appraises).
      const routedLevel = path === 'NATIONAL_LIST' ? 5 : dossier.proposedLevel;
      route = independentRoute(await this.routing.resolve(em, dossier.ownerAgencyId, routedLevel, dossier.regime), dossier);
    }
    const transition: TransitionContext = {
      status: dossier.status as DossierStatus,
      actorRoles: roles,
      proposedLevel: dossier.proposedLevel,
      regime: dossier.regime,
      path,
      listingRequested: !!dossier.nationalListing?.requestNumber,
      sameBodyAppraisesAndApproves: sameBodyAppraisesAndApproves(dossier),
      missingCount: missing.length,
      routed: !!route,
      routeContradictions: route?.contradictions,
      appraiserIsParty: !!route?.appraiserAgencyId && [dossier.ownerAgencyId, dossier.operatorAgencyId].includes(route.appraiserAgencyId),
      independentAppraiserRecorded: !!dossier.independentAppraiser,
      returnItems: dto.items,
      validityDueOn: dossier.validityDueOn,
      conclusion: dto.conclusion,
      reasons: dto.reasons,
      decisionLevel: dto.level,
      internalRegulationIssued: !!system.internal_regulation_number && !!system.internal_regulation_date,
      decisionDate: dto.decisionDate ?? dto.requestDate,
      futureDateConfirmed: dto.confirmFutureDate === true,
      firstSubmittedAt: dossier.firstSubmittedAt,
      decisionFile: !!file && (await detectAllowedType(file.buffer)) === 'application/pdf',
      requestNumber: dto.requestNumber,
      today: this.clock.today(),
      stateSecret: involvesStateSecret(system.state_secret, dossier.classification.facts),
    };
    return { transition, missing, warnings, route, path };
  }

  /** The action's effects (dossier-effects.ts); a submission also freezes the revision it sends. */
  private async apply(
    em: EntityManager,
    user: AuthUser,
    d: Dossier,
    action: DossierAction,
    to: DossierStatus,
    dto: AnyActionDto,
    ctx: Awaited<ReturnType<DossierWorkflowService['context']>>,
  ): Promise<Dossier> {
    const calendar = await this.calendars.calendar(em);
    const next = dossierAfter(d, action, to, dto, {
      today: this.clock.today(),
      now: this.clock.now(),
      calendar,
      actor: user.username,
      route: ctx.route,
      path: ctx.path,
      ownerName: action === 'approve-plan' ? await this.agencyName(em, d.ownerAgencyId) : undefined,
    });
    if (action === 'submit' || action === 'owner-submit') await this.freezeRevision(em, user, next);
    return next;
  }

  /** Submission freezes what was sent: the full content with attachment hashes, numbered and hashed. */
  private async freezeRevision(em: EntityManager, user: AuthUser, d: Dossier): Promise<void> {
    const { workflow: _w, version: _v, updatedAt: _u, status: _s, statusLabel: _l, ...content } = await this.queries.toDto(em, d);
    await em.query(
      `INSERT INTO dossier_revisions (dossier_id, number, content, sha256, submitted_by, submitted_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [d.id, d.currentRevision, JSON.stringify(content), contentHash(content), user.id, this.clock.now()],
    );
  }

  async save(em: EntityManager, next: Dossier, expectedVersion: number): Promise<void> {
    await saveDossier(em, next, expectedVersion);
  }

  /** The one write of a dossier's history: its event and the audit row, in the caller's transaction. */
  async record(em: EntityManager, { actor, dossier: d, action, from, note, details }: DossierHistoryEntry): Promise<void> {
    await em.query(
      `INSERT INTO dossier_events (dossier_id, action, from_status, to_status, revision, actor_id, actor_username, note, details, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        d.id,
        action,
        from,
        d.status,
        d.currentRevision || null,
        actor?.id ?? null,
        actor?.username ?? null,
        note ?? null,
        JSON.stringify(details),
        this.clock.now(),
      ],
    );
    await this.audit.record(em, {
      action: `DOSSIER_${action.toUpperCase().replace('-', '_')}`,
      entityType: 'dossier',
      entityId: d.id,
      before: { status: from },
      after: { status: d.status, revision: d.currentRevision, ...details },
    });
  }

  /** Approval sets the system's approved level and decision; the previously approved dossier is superseded. */
  private async applyApproval(em: EntityManager, user: AuthUser, d: Dossier): Promise<void> {
    const decision = d.decision!;
    await recordApprovedLevel(em, d.systemId, {
      level: decision.level,
      decisionNumber: decision.number,
      decisionDate: decision.date,
      issuer: decision.issuer,
    });
    await this.audit.record(em, {
      action: 'APPROVED_LEVEL',
      entityType: 'system',
      entityId: d.systemId,
      after: { approvedLevel: decision.level, decisionNumber: decision.number, dossierId: d.id },
    });
    // The approved plan becomes the system's items (TT12 Art. 9.6; ND331 Art. 30.6): src/plan-items.
    await createPlanItemsFromApproval(em, user, d);
    // A new approval at or above a flagged level settles the flag (ND331 Art. 25): src/redetermination.
    await clearFlagsOnApproval(em, this.audit, { systemId: d.systemId, level: decision.level, dossierId: d.id, at: this.clock.now() });
    const previous = await lockDossiersOfSystem(em, d.systemId, ['APPROVED'], d.id);
    for (const old of previous) {
      const superseded: Dossier = { ...old, status: 'SUPERSEDED', version: old.version + 1 };
      await this.save(em, superseded, old.version);
      await this.record(em, {
        actor: user,
        dossier: superseded,
        action: 'supersede',
        from: 'APPROVED',
        note: `Thay thế bởi hồ sơ ${d.id}`,
        details: { supersededBy: d.id },
      });
    }
  }

  private async agencyName(em: EntityManager, id: string): Promise<string> {
    return ((await em.query(`SELECT name FROM agencies WHERE id = $1`, [id]))[0]?.name as string) ?? '';
  }

  private async notify(em: EntityManager, d: Dossier, action: DossierAction, to: DossierStatus): Promise<void> {
    const system = (await em.query(`SELECT name FROM systems WHERE id = $1`, [d.systemId]))[0]?.name as string;
    for (const { kind, agencyIds, roles, title, body } of dossierNotices(d, action, to, system)) {
      for (const agencyId of new Set(agencyIds.filter((a): a is string => !!a))) {
        await this.notifications.notify(em, { recipients: { agencyId, roles }, kind, title, body, dossierId: d.id });
      }
    }
  }
}

/**
 * ND331 Art. 18.4 (TT12 Art. 6): when the routed specialised unit operates or owns the system and the owner recorded
 * another capable unit or an independent council, that unit or council appraises (a council is outside capdo: an
 * administrator records its opinion).
 */
function independentRoute(route: Route | undefined, d: Dossier): Route | undefined {
  const independent = d.independentAppraiser;
  if (!route || !independent || !route.appraiserAgencyId) return route;
  if (![d.ownerAgencyId, d.operatorAgencyId].includes(route.appraiserAgencyId)) return route;
  return { ...route, appraiserAgencyId: independent.kind === 'UNIT' ? independent.agencyId : null, appraiserName: independent.name };
}

/** What an action reads of the dossier's system: the regime of its day (Art. 39.1), the regulation, state secrets. */
interface SystemFacts {
  lifecycle: string;
  investment_start_date: string | null;
  go_live_date: string | null;
  state_secret: boolean;
  internal_regulation_number: string | null;
  internal_regulation_date: string | null;
}

/** The system's row, read once per action in its transaction. */
async function systemFacts(em: EntityManager, systemId: string): Promise<SystemFacts> {
  const [row]: SystemFacts[] = await em.query(
    `SELECT lifecycle, investment_start_date, go_live_date, state_secret, internal_regulation_number, internal_regulation_date
       FROM systems WHERE id = $1`,
    [systemId],
  );
  return row;
}
