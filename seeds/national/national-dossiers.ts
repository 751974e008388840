import { WorkingCalendar } from '../../src/calendar/working-days';
import { ClassificationFacts, EvaluationResult, Regime } from '../../src/classification/rules/classification.types';
import { evaluate } from '../../src/classification/rules/evaluator';
import { regimeFor } from '../../src/classification/rules/regime';
import { Appraisal, Decision, ExpertOpinion } from '../../src/dossiers/dossier.entity';
import { AttachmentKind, designKindFor, DesignKind } from '../../src/dossiers/dossier-plan';
import { DossierStatus } from '../../src/dossiers/dossier-status';
import { catalogueForRegime } from '../../src/requirements/catalogues/catalogue-registry';
import { DossierAction } from '../../src/workflow/dossier-transitions';
import { appraisalDeadline, approvalDeadline, Deadline, validityDeadline } from '../../src/workflow/statutory-deadlines';
import { Accounts, AgencyRow, MINISTRY_APPRAISER, ProvinceBodies, RoutingRuleRow, UserRow } from './national-agencies';
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
  approverKind: 'AGENCY' | 'OWNER' | null;
  approverAgencyId: string | null;
  approverName: string | null;
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
 */
export class DossierSimulator {
  private readonly calendar = new WorkingCalendar();
  private readonly evaluations = new Map<string, EvaluationResult>();
  private decisionNumber = 0;
  readonly approvals: ApprovalRecord[] = [];

  constructor(
    private readonly random: NationalRandom,
    private readonly world: DossierWorld,
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
          this.transition(
            old,
            'supersede',
            'SUPERSEDED',
            dossier.approvedAt!,
            this.approverOf(dossier),
            `Thay thế bởi hồ sơ ${dossier.id}`,
            { supersededBy: dossier.id },
          );
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
    const next = (min: number, max: number) => (day = this.workday(plusDays(day, this.random.int(min, max))));
    const ok = (to: string) => to <= until && to <= DATASET_TODAY;
    // Drafting: attachments and one to three edits.
    next(1, 3);
    if (!ok(day)) return d;
    // A risk assessment is required from Decree 331 on (Art. 10); under Decree 85 about half attach one.
    this.attach(d, day, officer, d.regime === 'ND85' && this.random.chance(0.5));
    if (!ok(next(0, 4))) return d;
    this.edit(d, day, officer, ['planEntries', 'planSections']);
    if (target === 'DRAFT') return d;
    const withdrawAt = target === 'WITHDRAWN' ? this.random.pick(['DRAFT', 'SUBMITTED', 'RETURNED', 'UNDER_APPRAISAL'] as const) : null;
    if (withdrawAt === 'DRAFT') return this.withdrawn(d, next(1, 10), officer, until);
    if (!ok(next(1, 10))) return d;
    this.submit(d, day, officer);
    if (target === 'SUBMITTED' || withdrawAt === 'SUBMITTED') return withdrawAt ? this.withdrawn(d, next(3, 20), officer, until) : d;
    const appraiser = this.appraiserOf(d);
    if (target === 'RETURNED' || withdrawAt === 'RETURNED' || this.random.chance(0.15)) {
      if (!ok(next(1, 5))) return d;
      this.transition(d, 'return', 'RETURNED', this.stamp(d, day), appraiser, null, { items: RETURN_ITEMS }, () => {
        d.returnItems = RETURN_ITEMS;
        this.due(d, null);
      });
      if (target === 'RETURNED') return d;
      if (withdrawAt === 'RETURNED') return this.withdrawn(d, next(5, 30), officer, until);
      if (!ok(next(3, 20))) return d;
      this.edit(d, day, officer, ['planSections']);
      d.sectionsVariant = 1;
      if (!ok(next(0, 2))) return d;
      this.submit(d, day, officer);
    }
    if (!ok(next(1, 5))) return d;
    this.transition(d, 'start-appraisal', 'UNDER_APPRAISAL', this.stamp(d, day), appraiser, null, {}, () => {
      d.clockStartedOn = day;
      this.due(d, appraisalDeadline(d.regime, d.proposedLevel, day, this.calendar));
    });
    if (target === 'UNDER_APPRAISAL') return d;
    if (withdrawAt === 'UNDER_APPRAISAL') return this.withdrawn(d, next(5, 20), officer, until);
    const oneStep =
      d.proposedLevel <= 2 &&
      d.appraiserAgencyId !== null &&
      d.appraiserAgencyId === d.approverAgencyId &&
      target === 'APPROVED' &&
      this.random.chance(0.5);
    if (!oneStep) {
      if (!ok(next(5, 25))) return d;
      const suitable = target !== 'NOT_SUITABLE';
      const reasons = suitable ? [] : ['Phương án bảo đảm an toàn chưa đáp ứng yêu cầu quản lý rủi ro'];
      const when = this.stamp(d, day);
      this.transition(
        d,
        'appraise',
        suitable ? 'APPRAISED' : 'DRAFT',
        when,
        appraiser,
        null,
        { conclusion: suitable ? 'SUITABLE' : 'NOT_SUITABLE', reasons },
        () => {
          d.appraisal = this.appraisal(
            d,
            suitable ? 'SUITABLE' : 'NOT_SUITABLE',
            reasons,
            appraiser,
            when,
            suitable ? 'Hồ sơ đầy đủ, cấp độ đề xuất phù hợp.' : 'Hồ sơ cần hoàn thiện.',
          );
          this.due(d, suitable ? approvalDeadline(d.regime, day, this.calendar) : null);
        },
      );
      if (target === 'NOT_SUITABLE' || target === 'APPRAISED') return d;
    }
    if (!ok(next(2, 7))) return d;
    this.approve(d, day, oneStep);
    return d;
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
      expertOpinion:
        proposedLevel >= 4
          ? {
              unit: 'Trung tâm Chuyển đổi số',
              summary: 'Thống nhất với phương án bảo đảm an toàn hệ thống thông tin theo cấp độ.',
              date: day,
            }
          : null,
      createdBy: officer,
      currentRevision: 0,
      routingRuleId: null,
      appraiserAgencyId: null,
      appraiserName: null,
      approverKind: null,
      approverAgencyId: null,
      approverName: null,
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

  private submit(d: DossierRow, day: string, officer: UserRow): void {
    const when = this.stamp(d, day);
    const rule = this.route(d);
    const police = this.world.provinces.get(d.provinceCode)!.police;
    const owner = this.world.agencies.get(d.ownerId)!;
    this.transition(
      d,
      'submit',
      'SUBMITTED',
      when,
      officer,
      `Kính gửi ${rule.appraiserAgencyId ? police.name : 'Bộ Công an'} hồ sơ đề xuất cấp độ.`,
      {},
      () => {
        d.currentRevision++;
        Object.assign(d, {
          routingRuleId: rule.id,
          appraiserAgencyId: rule.appraiserAgencyId,
          appraiserName: rule.appraiserAgencyId ? police.name : MINISTRY_APPRAISER,
          approverKind: rule.approverKind,
          approverAgencyId: rule.approverAgencyId,
          approverName: rule.approverKind === 'AGENCY' ? police.name : owner.name,
          submittedAt: when,
          firstSubmittedAt: d.firstSubmittedAt ?? when,
          receivedOn: day,
          clockStartedOn: null,
          returnItems: null,
          appraisal: null,
        });
        this.due(d, validityDeadline(day, this.calendar));
        d.revisions.push({
          number: d.currentRevision,
          at: when,
          by: officer,
          sectionsVariant: d.sectionsVariant,
          attachments: [...d.attachments],
        });
      },
    );
    // eventDetails('submit') is computed after the change.
    d.events[d.events.length - 1].details = { appraiser: d.appraiserName, approver: d.approverName, dueOn: d.dueOn };
  }

  private approve(d: DossierRow, day: string, oneStep: boolean): void {
    const approver = this.approverOf(d);
    const when = this.stamp(d, day);
    this.decisionNumber++;
    const decision: Decision = {
      number: d.approverKind === 'AGENCY' ? `${this.decisionNumber}/QĐ-CAT-PA05` : `${this.decisionNumber}/QĐ-UBND`,
      date: day,
      signerName: this.random.pick(SIGNERS),
      signerTitle: d.approverKind === 'AGENCY' ? 'Giám đốc Công an tỉnh' : 'Chủ tịch',
      level: d.proposedLevel,
      issuer: d.approverName ?? '',
      revision: d.currentRevision,
      approvedBy: approver.username,
    };
    this.transition(d, 'approve', 'APPROVED', when, approver, null, { decision }, () => {
      if (oneStep) d.appraisal = this.appraisal(d, 'SUITABLE', [], approver, when, '');
      d.decision = decision;
      d.approvedAt = when;
      this.due(d, null);
    });
    this.approvals.push({ system: d.system, dossier: d, at: when, actor: approver });
  }

  private withdrawn(d: DossierRow, day: string, officer: UserRow, until: string): DossierRow {
    if (day > until || day > DATASET_TODAY) return d;
    this.transition(d, 'withdraw', 'WITHDRAWN', this.stamp(d, day), officer, 'Rút hồ sơ để lập lại theo hệ thống đã nâng cấp.', {}, () =>
      this.due(d, null),
    );
    return d;
  }

  private appraisal(
    d: DossierRow,
    conclusion: Appraisal['conclusion'],
    reasons: string[],
    by: UserRow,
    when: number,
    opinions: string,
  ): Appraisal {
    return {
      conclusion,
      opinions,
      reasons,
      revision: d.currentRevision,
      appraiserName: d.appraiserName ?? '',
      appraisedBy: by.username,
      appraisedAt: new Date(when).toISOString(),
    };
  }

  private transition(
    d: DossierRow,
    action: DossierAction,
    to: DossierStatus,
    when: number,
    actor: UserRow,
    note: string | null,
    details: object,
    apply: () => void = () => undefined,
  ): void {
    const from = d.status;
    d.status = to;
    d.version++;
    d.updatedAt = when;
    apply();
    const defaults =
      action === 'return' || action === 'appraise' || action === 'approve' || action === 'supersede' ? details : { dueOn: d.dueOn };
    d.events.push({ action, from, to, revision: d.currentRevision || null, actor, note, details: defaults, at: when });
  }

  private due(d: DossierRow, deadline: Deadline | null): void {
    d.dueOn = deadline?.due ?? null;
    d.dueKind = deadline?.kind ?? null;
  }

  private route(d: DossierRow): RoutingRuleRow {
    const province = this.world.provinces.get(d.provinceCode)!;
    // Every body sits under one of the three roots that carry the province's rules.
    let agency = this.world.agencies.get(d.ownerId)!;
    while (agency.parentId) agency = this.world.agencies.get(agency.parentId)!;
    const root = [province.committee, province.police, province.party].find((r) => r.id === agency.id) ?? province.committee;
    return this.world.rules.find((r) => r.ownerAgencyId === root.id && d.proposedLevel >= r.minLevel && d.proposedLevel <= r.maxLevel)!;
  }

  /** The routed police appraisers, or the administrator recording an external body's steps. */
  private appraiserOf(d: DossierRow): UserRow {
    if (!d.appraiserAgencyId) return this.world.accounts.admin;
    return this.random.pick(this.world.accounts.appraisers.get(d.provinceCode)!);
  }

  private approverOf(d: DossierRow): UserRow {
    if (d.approverKind === 'AGENCY') return this.random.pick(this.world.accounts.appraisers.get(d.provinceCode)!);
    return this.world.accounts.admin;
  }

  /** A time on `day` in office hours, after everything this dossier already recorded. */
  private stamp(d: DossierRow, day: string): number {
    let when = at(day, this.random);
    if (when <= d.lastAt) when = d.lastAt + this.random.int(5, 90) * 60_000;
    d.lastAt = when;
    return when;
  }

  private workday(day: string): string {
    return this.calendar.workingDayOnOrAfter(day);
  }
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
