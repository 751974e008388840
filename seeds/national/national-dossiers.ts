import { WorkingCalendar } from '../../src/calendar/working-days';
import { ClassificationFacts, EvaluationResult, Regime } from '../../src/classification/rules/classification.types';
import { evaluate } from '../../src/classification/rules/evaluator';
import { regimeFor } from '../../src/classification/rules/regime';
import { meetsNationalSecurityCriteria } from '../../src/classification/rules/national-security';
import {
  Appraisal,
  ApprovalRequest,
  Decision,
  ExpertOpinion,
  IndependentAppraiser,
  NationalListing,
  OpinionRequest,
  PlanDecision,
} from '../../src/dossiers/dossier.entity';
import {
  approvesPlanNotLevel,
  needsApprovalRequest,
  needsProfessionalOpinion,
  ProcedurePath,
  procedurePath,
} from '../../src/dossiers/dossier-path';
import { AttachmentKind, designKindFor, DesignKind } from '../../src/dossiers/dossier-plan';
import { DossierStatus } from '../../src/dossiers/dossier-status';
import { catalogueForRegime } from '../../src/requirements/catalogues/catalogue-registry';
import type { Route } from '../../src/routing/routing-rules.service';
import { ActionInput } from '../../src/workflow/dossier-effects';
import { DossierAction } from '../../src/workflow/dossier-transitions';
import { Accounts, AgencyRow, ProvinceBodies, RoutingRuleRow, UserRow } from './national-agencies';
import { appraiserIsParty, applyAction, decisionFileName, ownerDecisionStyle, policeCouncil, routeOf } from './national-procedure';
import { NationalRandom } from './national-random';
import { atVietnamTime, dayOf, plusDays, SystemRow } from './national-systems';

/** The dataset's "today": the last day on which anything happened. Reports are measured as of this day. */
export const DATASET_TODAY = '2026-11-20';
const ACTIVITY_FROM = '2025-07-01';

export interface EventRow {
  action: DossierAction;
  from: DossierStatus;
  to: DossierStatus;
  revision: number | null;
  actor: UserRow;
  note: string | null;
  details: object;
  at: number;
}

export interface RevisionRow {
  number: number;
  at: number;
  by: UserRow;
  /** Which text of the plan sections was sent (a returned dossier comes back with supplements). */
  sectionsVariant: number;
  attachments: AttachmentRow[];
}

export interface AttachmentRow {
  id: string;
  kind: AttachmentKind;
  fileName: string;
  at: number;
  by: UserRow;
}

export interface DraftEdit {
  at: number;
  by: UserRow;
  fromVersion: number;
  changed: string[];
}

export interface DossierRow {
  id: string;
  system: SystemRow;
  ownerId: string;
  operatorId: string;
  provinceCode: string;
  status: DossierStatus;
  regime: Regime;
  rulebookVersion: string;
  catalogueId: string;
  classification: { asOf: string; facts: ClassificationFacts; result: EvaluationResult };
  computedLevel: number | null;
  undetermined: boolean;
  proposedLevel: number;
  justification: string;
  designKind: DesignKind;
  sectionsVariant: number;
  /** Plan answers: every 5th requirement planned for this date, the others implemented. */
  plannedDate: string;
  expertOpinion: ExpertOpinion | null;
  createdBy: UserRow;
  currentRevision: number;
  routingRuleId: string | null;
  appraiserAgencyId: string | null;
  appraiserName: string | null;
  approverKind: Route['approverKind'] | null;
  approverAgencyId: string | null;
  approverName: string | null;
  specialisedUnitAgencyId: string | null;
  specialisedUnitName: string | null;
  opinionRequest: OpinionRequest | null;
  approvalRequest: ApprovalRequest | null;
  planDecision: PlanDecision | null;
  nationalListing: NationalListing | null;
  independentAppraiser: IndependentAppraiser | null;
  /** When the owner recorded the independent appraiser (its DOSSIER_INDEPENDENT_APPRAISER audit row), by an administrator. */
  independenceRecordedAt: number | null;
  firstSubmittedAt: number | null;
  submittedAt: number | null;
  receivedOn: string | null;
  clockStartedOn: string | null;
  dueOn: string | null;
  dueKind: string | null;
  returnItems: string[] | null;
  appraisal: Appraisal | null;
  decision: Decision | null;
  approvedAt: number | null;
  version: number;
  createdAt: number;
  updatedAt: number;
  events: EventRow[];
  revisions: RevisionRow[];
  attachments: AttachmentRow[];
  /** The signed decisions' scans (kind DECISION), stored with the decision: no ATTACH audit row, in no revision. */
  decisionFiles: AttachmentRow[];
  edits: DraftEdit[];
  /** The latest instant recorded for this dossier (keeps its steps in order within a day). */
  lastAt: number;
}

/** What happened to a system's level once approved: the audit rows APPROVED_LEVEL and the system's fields. */
export interface ApprovalRecord {
  system: SystemRow;
  dossier: DossierRow;
  at: number;
  actor: UserRow;
}

type Target = 'DRAFT' | 'NOT_SUITABLE' | 'SUBMITTED' | 'RETURNED' | 'UNDER_APPRAISAL' | 'APPRAISED' | 'APPROVED' | 'WITHDRAWN';
/** Where a dossier stops, its target refined by its procedure: the steps levels 3–5 take besides those of levels 1–2. */
type Stage = Target | 'AWAITING_OPINION' | 'OPINION_GIVEN' | 'AWAITING_APPROVAL';
const LAST_TARGETS: Record<Target, number> = {
  DRAFT: 14,
  NOT_SUITABLE: 3,
  SUBMITTED: 10,
  RETURNED: 6,
  UNDER_APPRAISAL: 10,
  APPRAISED: 5,
  APPROVED: 47,
  WITHDRAWN: 5,
};
const CHAIN_LENGTHS = { '0': 10, '1': 30, '2': 30, '3': 20, '4': 10 } as const;

const RETURN_ITEMS = ['Bổ sung sơ đồ vùng mạng có địa chỉ IP', 'Bổ sung quy chế bảo đảm an toàn thông tin đã ban hành'];
const SIGNERS = ['Đặng Trọng Cường', 'Nguyễn Văn Hùng', 'Lê Thị Thu Hà', 'Trần Quốc Khánh'];

export interface DossierWorld {
  provinces: Map<string, ProvinceBodies>;
  agencies: Map<string, AgencyRow>;
  rules: RoutingRuleRow[];
  accounts: Accounts;
}

/**
 * When each body starts working on its dossiers (null: not by the dataset's last day). Provinces lag as the
 * dispatches complain: communes most, some never started; departments early.
 */
export function engagement(random: NationalRandom, agencies: AgencyRow[]): Map<string, string | null> {
  const never: Record<string, number> = { commune: 0.25, ward: 0.15, public_unit: 0.08, department: 0.03 };
  const latest: Record<string, number> = { commune: 480, ward: 420, public_unit: 400, department: 300 };
  return new Map(
    agencies.map((a) => {
      if (a.status !== 'ACTIVE') return [a.id, null];
      if (random.chance(never[a.kind] ?? 0.02)) return [a.id, null];
      return [a.id, plusDays('2025-07-15', random.int(0, latest[a.kind] ?? 200))];
    }),
  );
}

/**
 * How many dossiers each system gets (0–4; none for state-secret or retired systems; at most one draft for a body
 * that has not started), adding up to `total`.
 */
export function chainLengths(random: NationalRandom, systems: SystemRow[], total: number, started: (s: SystemRow) => boolean): number[] {
  const grows = (s: SystemRow) => s.dossierable && started(s);
  const lengths = systems.map((s) => (!s.dossierable ? 0 : grows(s) ? Number(random.weighted(CHAIN_LENGTHS)) : random.chance(0.3) ? 1 : 0));
  let sum = lengths.reduce((a, b) => a + b, 0);
  for (let i = 0; sum !== total && i < systems.length * 8; i++) {
    const j = random.int(0, systems.length - 1);
    if (!grows(systems[j])) continue;
    if (sum < total && lengths[j] < 4) {
      lengths[j]++;
      sum++;
    } else if (sum > total && lengths[j] > 0) {
      lengths[j]--;
      sum--;
    }
  }
  return lengths;
}

/**
 * Simulates each system's dossiers through the workflow as DossierWorkflowService would have recorded them:
 * statuses, revisions, routing, statutory due dates (real calendar and deadline rules), histories, supersession.
 * Each action's effects and event details are the product's own (`actionEffects`, `eventDetails`), on the procedure
 * the dossier's level gives it (ND331 Art. 18, 20; src/dossiers/dossier-path.ts):
 * - levels 1–2: the provincial police appraises and approves (one step or two);
 * - level 3: the police appraises, the operating unit sends the Tờ trình (Mẫu 05), the owner approves;
 * - level 4: Mẫu 03 to the police, its opinion, the owner sends the dossier to Bộ Công an (Mẫu 02), the ministry's
 *   appraisal (recorded by an administrator), the Tờ trình, the owner approves;
 * - level 5: as level 4, then the owner approves the plan (Mẫu 07) and the Prime Minister's List decision approves
 *   the level (recorded by an administrator). The generator proposes no level 5 today (no system's facts reach it).
 * A police-owned system is appraised by an independent council (Art. 18.4.b) whose steps an administrator records.
 *
 * Accounts: the dataset has no AGENCY_HEAD accounts (no test or benchmark signs in as one), so what the owner's head
 * does (the independent council, the Mẫu 02 submission, the level-3–5 decisions) is recorded by the administrator, which
 * the actor table allows (OWNER and an OWNER approver: the owner's AGENCY_HEAD or an ADMIN); the decision itself carries
 * the owner's number, signer and title. Steps the procedure adds to the levels 1–2 path draw from `extra`, so that the
 * main generator's sequence, shared with the other dossiers, moves as little as possible.
 */
export class DossierSimulator {
  private readonly calendar = new WorkingCalendar();
  private readonly evaluations = new Map<string, EvaluationResult>();
  private decisionNumber = 0;
  /** Numbers of the police's opinions, the Tờ trình, the councils' decisions and the Prime Minister's decisions. */
  private documentNumber = 0;
  readonly approvals: ApprovalRecord[] = [];

  constructor(
    private readonly random: NationalRandom,
    private readonly world: DossierWorld,
    private readonly extra: NationalRandom,
  ) {}

  /** `engagedFrom`: the day the owner starts on its dossiers; null: it has not (its dossiers stay drafts). */
  chain(system: SystemRow, count: number, engagedFrom: string | null): DossierRow[] {
    if (count === 0) return [];
    if (engagedFrom === null)
      return [this.run(system, this.workday(plusDays(dayOf(system.createdAt), this.random.int(10, 200))), 'DRAFT', DATASET_TODAY)];
    const start = maxDay(maxDay(ACTIVITY_FROM, engagedFrom), plusDays(dayOf(system.createdAt), 3));
    const span = Math.max(0, daysBetween(start, DATASET_TODAY));
    const dossiers: DossierRow[] = [];
    let cursor = start;
    for (let j = 0; j < count; j++) {
      const last = j === count - 1;
      const segmentEnd = plusDays(start, Math.floor((span * (j + 1)) / count));
      const planned = this.workday(maxDay(cursor, plusDays(start, Math.floor((span * j) / count) + this.random.int(0, 20))));
      // A late starter still opens its dossiers, the last ones on the dataset's last day (they stay drafts).
      const createdDay = planned > DATASET_TODAY ? DATASET_TODAY : planned;
      const target: Target = last ? this.random.weighted(LAST_TARGETS) : this.random.chance(0.8) ? 'APPROVED' : 'WITHDRAWN';
      const dossier = this.run(system, createdDay, target, last ? DATASET_TODAY : segmentEnd);
      const approvedBefore = dossiers.filter((d) => d.status === 'APPROVED');
      if (dossier.status === 'APPROVED') {
        for (const old of approvedBefore) {
          old.lastAt = Math.max(old.lastAt, dossier.approvedAt!);
          // The workflow records the supersession in the approval's transaction, as the approving user.
          this.step(old, 'supersede', 'SUPERSEDED', dossier.approvedAt!, this.approvals[this.approvals.length - 1].actor, {
            note: `Thay thế bởi hồ sơ ${dossier.id}`,
            details: { supersededBy: dossier.id },
          });
        }
      }
      dossiers.push(dossier);
      cursor = plusDays(dayOf(dossier.updatedAt), 1);
    }
    return dossiers;
  }

  private run(system: SystemRow, createdDay: string, target: Target, until: string): DossierRow {
    const d = this.create(system, createdDay);
    const officer = d.createdBy;
    let day = createdDay;
    const next = (min: number, max: number, random = this.random) => (day = this.workday(plusDays(day, random.int(min, max))));
    const later = (min: number, max: number) => next(min, max, this.extra);
    const ok = (to: string) => to <= until && to <= DATASET_TODAY;
    // Drafting: attachments and one to three edits.
    next(1, 3);
    if (!ok(day)) return d;
    // A risk assessment is required from Decree 331 on (Art. 10); under Decree 85 about half attach one.
    this.attach(d, day, officer, d.regime === 'ND85' && this.random.chance(0.5));
    if (!ok(next(0, 4))) return d;
    this.edit(d, day, officer, ['planEntries', 'planSections']);
    if (target === 'DRAFT') return d;
    const path = pathOf(d);
    const stage = this.stage(target, path);
    const viaOwner = needsProfessionalOpinion(path);
    const withdrawAt = target === 'WITHDRAWN' ? this.random.pick(['DRAFT', 'SUBMITTED', 'RETURNED', 'UNDER_APPRAISAL'] as const) : null;
    if (withdrawAt === 'DRAFT') return this.withdrawn(d, next(1, 10), officer, until);
    if (!ok(next(1, 10))) return d;
    if (viaOwner) {
      // ND331 Art. 20.1.d: levels 4–5 first go to the owner's specialised unit for its opinion (Mẫu 03).
      this.requestOpinion(d, day, officer, path);
      if (stage === 'AWAITING_OPINION') return d;
      if (!ok(later(5, 20))) return d;
      this.giveOpinion(d, day, path);
      if (stage === 'OPINION_GIVEN') return d;
      if (!ok(later(1, 5))) return d;
    } else if (appraiserIsParty(this.route(d), d)) {
      this.recordCouncil(d, day);
    }
    this.send(d, day, officer, path);
    if (target === 'SUBMITTED' || withdrawAt === 'SUBMITTED') return withdrawAt ? this.withdrawn(d, next(3, 20), officer, until) : d;
    const appraiser = this.appraiserOf(d);
    if (target === 'RETURNED' || withdrawAt === 'RETURNED' || this.random.chance(0.15)) {
      if (!ok(next(1, 5))) return d;
      this.step(d, 'return', 'RETURNED', this.stamp(d, day), appraiser, { input: { items: RETURN_ITEMS } });
      if (target === 'RETURNED') return d;
      if (withdrawAt === 'RETURNED') return this.withdrawn(d, next(5, 30), officer, until);
      if (!ok(next(3, 20))) return d;
      this.edit(d, day, officer, ['planSections']);
      d.sectionsVariant = 1;
      if (!ok(next(0, 2))) return d;
      this.send(d, day, officer, path);
    }
    if (!ok(next(1, 5))) return d;
    this.step(d, 'start-appraisal', 'UNDER_APPRAISAL', this.stamp(d, day), appraiser);
    if (target === 'UNDER_APPRAISAL') return d;
    if (withdrawAt === 'UNDER_APPRAISAL') return this.withdrawn(d, next(5, 20), officer, until);
    const oneStep =
      path === 'UNIT' &&
      d.appraiserAgencyId !== null &&
      d.appraiserAgencyId === d.approverAgencyId &&
      target === 'APPROVED' &&
      this.random.chance(0.5);
    if (!oneStep) {
      if (!ok(next(5, 25))) return d;
      const suitable = target !== 'NOT_SUITABLE';
      const input: ActionInput = suitable
        ? { conclusion: 'SUITABLE', opinions: 'Hồ sơ đầy đủ, cấp độ đề xuất phù hợp.', reasons: [] }
        : {
            conclusion: 'NOT_SUITABLE',
            opinions: 'Hồ sơ cần hoàn thiện.',
            reasons: ['Phương án bảo đảm an toàn chưa đáp ứng yêu cầu quản lý rủi ro'],
          };
      this.step(d, 'appraise', suitable ? 'APPRAISED' : 'DRAFT', this.stamp(d, day), appraiser, { input });
      if (target === 'NOT_SUITABLE' || stage === 'APPRAISED') return d;
    }
    if (!ok(next(2, 7))) return d;
    if (needsApprovalRequest(path)) {
      // ND331 Art. 20.3.b–c: from level 3 the operating unit asks the owner to approve with a Tờ trình (Mẫu 05).
      this.requestApproval(d, day, officer);
      if (stage === 'AWAITING_APPROVAL' || !ok(later(1, 6))) return d;
    }
    if (!approvesPlanNotLevel(path)) {
      this.approve(d, day);
      return d;
    }
    // Art. 18.3.d–đ: the owner approves the plan (Mẫu 07); the Prime Minister's List decision approves the level.
    this.approvePlan(d, day);
    if (ok(later(20, 60))) this.recordListing(d, day);
    return d;
  }

  /** The target refined by the procedure: part of the level 4–5 "sent" dossiers wait for or have the opinion, part of the appraised ones of level 3–5 have their Tờ trình sent. */
  private stage(target: Target, path: ProcedurePath): Stage {
    if (target === 'SUBMITTED' && needsProfessionalOpinion(path))
      return this.extra.weighted({ AWAITING_OPINION: 1, OPINION_GIVEN: 1, SUBMITTED: 1 });
    if (target === 'APPRAISED' && needsApprovalRequest(path)) return this.extra.chance(0.5) ? 'AWAITING_APPROVAL' : 'APPRAISED';
    return target;
  }

  private create(system: SystemRow, day: string): DossierRow {
    const regime = regimeFor(day);
    const facts = system.facts;
    const result = this.evaluate(facts, regime);
    const computed = result.level;
    const raise = computed !== null && computed < 4 && this.random.chance(0.04);
    const proposedLevel = computed === null ? 2 : raise ? computed + 1 : computed;
    const owner = this.world.agencies.get(system.ownerId)!;
    const officer = this.world.accounts.officers.get(owner.id) ?? this.world.accounts.officers.get(system.operatorId)!;
    const createdAt = at(day, this.random);
    return {
      id: this.random.uuid(),
      system,
      ownerId: system.ownerId,
      operatorId: system.operatorId,
      provinceCode: system.provinceCode,
      status: 'DRAFT',
      regime,
      rulebookVersion: result.rulebookVersion,
      catalogueId: catalogueForRegime(regime).id,
      classification: { asOf: day, facts, result },
      computedLevel: computed,
      undetermined: result.undetermined,
      proposedLevel,
      justification: raise
        ? 'Đề xuất cấp độ cao hơn kết quả xác định do hệ thống kết nối với nhiều hệ thống dùng chung của tỉnh.'
        : 'Hệ thống đáp ứng tiêu chí xác định cấp độ nêu trên; không xử lý thông tin bí mật nhà nước.',
      designKind: designKindFor(system.lifecycle),
      sectionsVariant: 0,
      plannedDate: plusDays(day, 180 + this.random.int(0, 3) * 90),
      // Levels 4–5: the police's opinion comes with give-opinion (Mẫu 03), not with the draft.
      expertOpinion: null,
      createdBy: officer,
      currentRevision: 0,
      routingRuleId: null,
      appraiserAgencyId: null,
      appraiserName: null,
      approverKind: null,
      approverAgencyId: null,
      approverName: null,
      specialisedUnitAgencyId: null,
      specialisedUnitName: null,
      opinionRequest: null,
      approvalRequest: null,
      planDecision: null,
      nationalListing: null,
      independentAppraiser: null,
      independenceRecordedAt: null,
      firstSubmittedAt: null,
      submittedAt: null,
      receivedOn: null,
      clockStartedOn: null,
      dueOn: null,
      dueKind: null,
      returnItems: null,
      appraisal: null,
      decision: null,
      approvedAt: null,
      version: 1,
      createdAt,
      updatedAt: createdAt,
      events: [],
      revisions: [],
      attachments: [],
      decisionFiles: [],
      edits: [],
      lastAt: createdAt,
    };
  }

  private evaluate(facts: ClassificationFacts, regime: Regime): EvaluationResult {
    const key = `${regime}:${JSON.stringify(facts)}`;
    let result = this.evaluations.get(key);
    if (!result) this.evaluations.set(key, (result = evaluate(facts, regime)));
    return result;
  }

  private attach(d: DossierRow, day: string, by: UserRow, designOnly: boolean): void {
    const kinds: [AttachmentKind, string][] = [
      ['DESIGN_DOCUMENT', d.designKind === 'CONSTRUCTION' ? 'Thiết kế thi công đã phê duyệt.pdf' : 'Thiết kế sơ bộ.pdf'],
    ];
    if (!designOnly) kinds.push(['RISK_ASSESSMENT', 'Báo cáo đánh giá rủi ro an ninh mạng.pdf']);
    for (const [kind, fileName] of kinds) d.attachments.push({ id: this.random.uuid(), kind, fileName, at: this.stamp(d, day), by });
  }

  private edit(d: DossierRow, day: string, by: UserRow, changed: string[]): void {
    const when = this.stamp(d, day);
    d.edits.push({ at: when, by, fromVersion: d.version, changed });
    d.version++;
    d.updatedAt = when;
  }

  /**
   * ND331 Art. 18.4.b (TT12 Art. 6): the police does not appraise a system it owns or runs; the owner sets up an
   * independent council before sending (PUT …/independent-appraiser), and an administrator records its appraisal.
   */
  private recordCouncil(d: DossierRow, day: string): void {
    const province = this.world.provinces.get(d.provinceCode)!;
    const council = policeCouncil(province);
    const when = this.stamp(d, day, this.extra);
    this.documentNumber++;
    d.independentAppraiser = {
      kind: 'COUNCIL',
      agencyId: null,
      name: council.name,
      decisionNumber: `${this.documentNumber}/QĐ-CAT`,
      decisionDate: dayOf(when),
      members: council.members,
      recordedBy: this.world.accounts.admin.username,
    };
    d.independenceRecordedAt = when;
    d.version++;
    d.updatedAt = when;
  }

  /** Mẫu 03: the operating unit asks the police, the owners' specialised unit, for its opinion (Art. 20.1.d). */
  private requestOpinion(d: DossierRow, day: string, officer: UserRow, path: ProcedurePath): void {
    const route = this.routeFor(d, path);
    this.step(d, 'request-opinion', 'AWAITING_OPINION', this.stamp(d, day), officer, {
      route,
      note: `Kính gửi ${route.specialisedUnitName} hồ sơ đề xuất cấp độ ${d.proposedLevel}, đề nghị cho ý kiến chuyên môn (Mẫu 03).`,
    });
  }

  private giveOpinion(d: DossierRow, day: string, path: ProcedurePath): void {
    this.documentNumber++;
    this.step(d, 'give-opinion', 'OPINION_GIVEN', this.stamp(d, day, this.extra), this.extra.pick(this.appraisers(d)), {
      input: {
        conclusion: 'SUITABLE',
        opinions: `Đề xuất cấp độ ${d.proposedLevel} và phương án bảo đảm an ninh mạng phù hợp; đề nghị chủ quản gửi Bộ Công an thẩm định.`,
        reasons: [],
        opinionNumber: `${this.documentNumber}/CAT-PA05`,
        opinionDate: day,
      },
      path,
    });
  }

  /**
   * Sends the dossier to its appraiser, freezing a new revision: Mẫu 01/02 by the operating unit (levels 1–3), Mẫu 02
   * in the owner's name to the ministry (levels 4–5, by the administrator for the owner's head); again after a return.
   */
  private send(d: DossierRow, day: string, officer: UserRow, path: ProcedurePath): void {
    const viaOwner = needsProfessionalOpinion(path);
    const by = viaOwner ? this.world.accounts.admin : officer;
    // The first Mẫu 02 of a level 4–5 dossier is a step levels 1–3 do not take (their Mẫu 01/02 is the request's draw).
    const when = this.stamp(d, day, viaOwner && d.currentRevision === 0 ? this.extra : this.random);
    const route = this.routeFor(d, path);
    this.step(d, viaOwner ? 'owner-submit' : 'submit', 'SUBMITTED', when, by, {
      route,
      path,
      note: `Kính gửi ${route.appraiserName} hồ sơ đề xuất cấp độ.`,
    });
    d.revisions.push({ number: d.currentRevision, at: when, by, sectionsVariant: d.sectionsVariant, attachments: [...d.attachments] });
  }

  /** The Tờ trình (Mẫu 05) of the operating unit, numbered in its style; the owner's approval clock starts (Art. 24). */
  private requestApproval(d: DossierRow, day: string, officer: UserRow): void {
    this.documentNumber++;
    const style = ownerDecisionStyle(this.world.agencies.get(d.operatorId)!);
    this.step(d, 'request-approval', 'AWAITING_APPROVAL', this.stamp(d, day, this.extra), officer, {
      input: { submissionNumber: `${this.documentNumber}/TTr-${style.abbreviation}` },
    });
  }

  /** Mẫu 06: the police for levels 1–2 (Art. 18.1), the owner's head for levels 3–4 (Art. 18.2–3), with the signed scan. */
  private approve(d: DossierRow, day: string): void {
    const approver = this.approverOf(d);
    const when = this.stamp(d, day);
    this.decisionNumber++;
    const signer = this.random.pick(SIGNERS);
    const police = this.world.provinces.get(d.provinceCode)!.police;
    const byPolice = d.approverKind === 'AGENCY';
    const owner = ownerDecisionStyle(this.world.agencies.get(d.ownerId)!);
    const number = byPolice ? `${this.decisionNumber}/QĐ-CAT-PA05` : `${this.decisionNumber}/QĐ-${owner.abbreviation}`;
    this.step(d, 'approve', 'APPROVED', when, approver, {
      input: {
        decisionNumber: number,
        decisionDate: day,
        signerName: byPolice ? signer : owner.signerName,
        signerTitle: byPolice ? `Giám đốc ${police.name}` : owner.signerTitle,
        level: d.proposedLevel,
      },
    });
    this.fileDecision(d, number, when, approver);
    this.approvals.push({ system: d.system, dossier: d, at: when, actor: approver });
  }

  /** Mẫu 07: the owner's head approves the level-5 system's security plan (Art. 18.3.d). */
  private approvePlan(d: DossierRow, day: string): void {
    const admin = this.world.accounts.admin;
    const when = this.stamp(d, day);
    this.decisionNumber++;
    const owner = this.world.agencies.get(d.ownerId)!;
    const style = ownerDecisionStyle(owner);
    const number = `${this.decisionNumber}/QĐ-${style.abbreviation}`;
    this.step(d, 'approve-plan', 'AWAITING_LISTING', when, admin, {
      input: { decisionNumber: number, decisionDate: day, signerName: style.signerName, signerTitle: style.signerTitle },
      ownerName: owner.name,
    });
    this.fileDecision(d, number, when, admin);
  }

  /** Art. 18.3.đ: the Prime Minister's decision approving the List, recorded by an administrator, approves the level. */
  private recordListing(d: DossierRow, day: string): void {
    const admin = this.world.accounts.admin;
    const when = this.stamp(d, day, this.extra);
    this.documentNumber++;
    const number = `${this.documentNumber}/QĐ-TTg`;
    this.step(d, 'record-listing', 'APPROVED', when, admin, {
      input: { decisionNumber: number, decisionDate: day, signerTitle: 'Thủ tướng Chính phủ' },
    });
    this.fileDecision(d, number, when, admin);
    this.approvals.push({ system: d.system, dossier: d, at: when, actor: admin });
  }

  /** The decision's signed scan, stored as an attachment of kind DECISION in the action's transaction. */
  private fileDecision(d: DossierRow, number: string, when: number, by: UserRow): void {
    d.decisionFiles.push({ id: this.extra.uuid(), kind: 'DECISION', fileName: decisionFileName(number), at: when, by });
  }

  private withdrawn(d: DossierRow, day: string, officer: UserRow, until: string): DossierRow {
    if (day > until || day > DATASET_TODAY) return d;
    this.step(d, 'withdraw', 'WITHDRAWN', this.stamp(d, day), officer, { note: 'Rút hồ sơ để lập lại theo hệ thống đã nâng cấp.' });
    return d;
  }

  /**
   * One action, as DossierWorkflowService.act records it: the effects (dossier-effects.ts) and the history event with
   * the action's details (`details` only for the supersession, which the workflow records with its own details).
   */
  private step(
    d: DossierRow,
    action: DossierAction,
    to: DossierStatus,
    when: number,
    actor: UserRow,
    options: { input?: ActionInput; note?: string; route?: Route; path?: ProcedurePath; ownerName?: string; details?: object } = {},
  ): void {
    const from = d.status;
    const details = applyAction(
      d,
      action,
      to,
      { ...options.input, note: options.note },
      {
        day: dayOf(when),
        when,
        calendar: this.calendar,
        actor: actor.username,
        path: options.path ?? pathOf(d),
        route: options.route,
        ownerName: options.ownerName,
      },
    );
    d.events.push({
      action,
      from,
      to,
      revision: d.currentRevision || null,
      actor,
      note: options.note ?? null,
      details: options.details ?? details,
      at: when,
    });
  }

  private route(d: DossierRow, path: ProcedurePath = pathOf(d)): RoutingRuleRow {
    const province = this.world.provinces.get(d.provinceCode)!;
    // Every body sits under one of the three roots that carry the province's rules.
    let agency = this.world.agencies.get(d.ownerId)!;
    while (agency.parentId) agency = this.world.agencies.get(agency.parentId)!;
    const root = [province.committee, province.police, province.party].find((r) => r.id === agency.id) ?? province.committee;
    // ND331 Art. 20.4: a level 3–4 system on the List is routed as a level-5 one.
    const level = path === 'NATIONAL_LIST' ? 5 : d.proposedLevel;
    return this.world.rules.find((r) => r.ownerAgencyId === root.id && level >= r.minLevel && level <= r.maxLevel)!;
  }

  private routeFor(d: DossierRow, path: ProcedurePath): Route {
    return routeOf(this.route(d, path), d, this.world.provinces.get(d.provinceCode)!, this.world.agencies.get(d.ownerId)!);
  }

  private appraisers(d: DossierRow): UserRow[] {
    return this.world.accounts.appraisers.get(d.provinceCode)!;
  }

  /** The routed police appraisers, or the administrator recording an external body's steps (ministry, council). */
  private appraiserOf(d: DossierRow): UserRow {
    if (!d.appraiserAgencyId) return this.world.accounts.admin;
    return this.random.pick(this.appraisers(d));
  }

  /** The police's appraisers approve levels 1–2; the administrator records the owner's decisions (no AGENCY_HEAD accounts). */
  private approverOf(d: DossierRow): UserRow {
    if (d.approverKind === 'AGENCY') return this.random.pick(this.appraisers(d));
    return this.world.accounts.admin;
  }

  /** A time on `day` in office hours, after everything this dossier already recorded. */
  private stamp(d: DossierRow, day: string, random = this.random): number {
    let when = at(day, random);
    if (when <= d.lastAt) when = d.lastAt + random.int(5, 90) * 60_000;
    d.lastAt = when;
    return when;
  }

  private workday(day: string): string {
    return this.calendar.workingDayOnOrAfter(day);
  }
}

/** The dossier's procedure (dossiers/dossier-path.ts); no generated system's facts meet an Art. 16 criterion today. */
function pathOf(d: DossierRow): ProcedurePath {
  return procedurePath({
    proposedLevel: d.proposedLevel,
    regime: d.regime,
    onNationalList: !!d.nationalListing || meetsNationalSecurityCriteria(d.classification.facts),
  });
}

function at(day: string, random: NationalRandom): number {
  return atVietnamTime(day, random.int(8, 16), random.int(0, 59));
}

function maxDay(a: string, b: string): string {
  return a > b ? a : b;
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
