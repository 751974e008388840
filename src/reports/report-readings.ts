/**
 * The other ways of counting the approval-rate report's figures (issue 19, point 8), as pure rules. The report's
 * default reading stays the one that reproduces dispatch 256/UBND-NC of UBND tỉnh Sơn La: a body counts as having
 * submitted (or been approved) by the dossiers of the systems it owns, on the day capdo recorded the step. The other
 * readings are shown beside it and never replace it. docs/legal/report-readings.md says why each exists.
 */

/** The readings, the default first. */
export const READINGS = ['BY_OWNER', 'BY_SENDER', 'BY_APPRAISER', 'BY_DECISION_DATE'] as const;
export type Reading = (typeof READINGS)[number];

/** The report's default reading: the one that gives 19 submitted / 10 approved as of 06/01/2026 on the Sơn La demo. */
export const DEFAULT_READING: Reading = 'BY_OWNER';

/** Which reading the report's main figures are, said where the other readings begin. */
export const DEFAULT_READING_NOTE =
  'Số liệu chính của báo cáo đếm theo cơ quan chủ quản, theo ngày ghi nhận trên capdo (cách đếm của Công văn 256/UBND-NC); ' +
  'các cách đếm dưới đây chỉ để đối chiếu.';

/** Each reading's name and the plain sentence the report prints under it. */
export const READING_TEXTS: Record<Reading, { title: string; sentence: string }> = {
  BY_OWNER: {
    title: 'Theo cơ quan chủ quản (cách đếm mặc định)',
    sentence:
      'Một cơ quan, đơn vị được tính là đã gửi (đã được phê duyệt) khi có hồ sơ của hệ thống thông tin do mình làm chủ quản ' +
      'được gửi (được phê duyệt) đến hết ngày báo cáo, theo ngày ghi nhận trên capdo. Đây là cách đếm của Công văn 256/UBND-NC ' +
      'ngày 13/01/2026 của UBND tỉnh Sơn La và là số liệu chính của báo cáo.',
  },
  BY_SENDER: {
    title: 'Theo đơn vị gửi hồ sơ (đơn vị vận hành)',
    sentence:
      'Một cơ quan, đơn vị được tính khi chính mình là đơn vị vận hành đã gửi hồ sơ, kể cả hồ sơ của hệ thống do cơ quan khác ' +
      'làm chủ quản. Số này khác số mặc định khi đơn vị vận hành không phải là chủ quản của hệ thống.',
  },
  BY_APPRAISER: {
    title: 'Theo đơn vị thẩm định',
    sentence:
      'Mỗi đơn vị thẩm định (như Công an tỉnh) được đếm số cơ quan, đơn vị và số hồ sơ đã tiếp nhận đến hết ngày báo cáo, ' +
      'và tình trạng của các hồ sơ đó vào ngày ấy: chờ thẩm định, yêu cầu bổ sung, đang thẩm định, đã thẩm định, đã được phê duyệt. ' +
      'Đây là cách đếm trong chú thích của Công văn 256/UBND-NC ("Công an tỉnh đã tiếp nhận hồ sơ của 19 đơn vị").',
  },
  BY_DECISION_DATE: {
    title: 'Theo ngày ký quyết định phê duyệt',
    sentence:
      'Một cơ quan, đơn vị được tính là đã được phê duyệt khi quyết định phê duyệt cấp độ đề ngày đến hết ngày báo cáo, ' +
      'dù quyết định được ghi nhận trên capdo sau ngày đó. Vì quyết định có thể đề ngày sớm hơn ngày ghi nhận, ' +
      'số này có thể tăng khi xem lại sau.',
  },
};

/** Where a received dossier stood at the end of the report's day, as the appraising body sees it. */
export const APPRAISAL_STAGES = ['WAITING', 'RETURNED', 'UNDER_APPRAISAL', 'APPRAISED', 'APPROVED', 'WITHDRAWN', 'OTHER'] as const;
export type AppraisalStage = (typeof APPRAISAL_STAGES)[number];

export const APPRAISAL_STAGE_LABELS: Record<AppraisalStage, string> = {
  WAITING: 'Chờ thẩm định',
  RETURNED: 'Yêu cầu bổ sung',
  UNDER_APPRAISAL: 'Đang thẩm định',
  APPRAISED: 'Đã thẩm định, chờ phê duyệt',
  APPROVED: 'Đã được phê duyệt',
  WITHDRAWN: 'Đã rút',
  OTHER: 'Trở lại dự thảo',
};

/**
 * The stage of a dossier already received, from its workflow state at the end of the day and whether it had been
 * approved by then. An approval stays an approval when a later dossier supersedes it (as in the default reading).
 */
export function appraisalStage(state: string | null, approvedByDay: boolean): AppraisalStage {
  if (approvedByDay) return 'APPROVED';
  switch (state) {
    case 'SUBMITTED':
      return 'WAITING';
    case 'RETURNED':
      return 'RETURNED';
    case 'UNDER_APPRAISAL':
      return 'UNDER_APPRAISAL';
    case 'APPRAISED':
    case 'AWAITING_APPROVAL':
    case 'AWAITING_LISTING':
      return 'APPRAISED';
    case 'WITHDRAWN':
      return 'WITHDRAWN';
    default:
      // DRAFT after a "chưa phù hợp" appraisal or a listing request, or waiting for the specialised unit's opinion.
      return 'OTHER';
  }
}

/** One appraising body's dossiers, received by the end of the day (one row per dossier). */
export interface ReceivedDossier {
  appraiserKey: string;
  appraiserName: string;
  /** The body the dossier counts for (the owner, carried through mergers to a body of the report's day). */
  body: string;
  state: string | null;
  approvedByDay: boolean;
}

export interface AppraiserFigures {
  appraiserName: string;
  bodiesReceived: number;
  bodiesApproved: number;
  dossiersReceived: number;
  byStage: Record<AppraisalStage, number>;
}

/** The received dossiers counted per appraising body: bodies and dossiers received, bodies approved, dossiers by stage. */
export function countByAppraiser(dossiers: readonly ReceivedDossier[]): AppraiserFigures[] {
  const groups = new Map<string, { name: string; bodies: Set<string>; approved: Set<string>; stages: AppraisalStage[] }>();
  for (const d of dossiers) {
    const g = groups.get(d.appraiserKey) ?? { name: d.appraiserName, bodies: new Set(), approved: new Set(), stages: [] };
    const stage = appraisalStage(d.state, d.approvedByDay);
    g.bodies.add(d.body);
    if (stage === 'APPROVED') g.approved.add(d.body);
    g.stages.push(stage);
    groups.set(d.appraiserKey, g);
  }
  return [...groups.values()]
    .map((g) => ({
      appraiserName: g.name,
      bodiesReceived: g.bodies.size,
      bodiesApproved: g.approved.size,
      dossiersReceived: g.stages.length,
      byStage: Object.fromEntries(APPRAISAL_STAGES.map((s) => [s, g.stages.filter((x) => x === s).length])) as Record<
        AppraisalStage,
        number
      >,
    }))
    .sort((a, b) => b.dossiersReceived - a.dossiersReceived || a.appraiserName.localeCompare(b.appraiserName, 'vi'));
}

/**
 * The day an approval counts from in the decision-date reading: the date the decision bears, or, for a record that
 * has none, the day capdo recorded the approval.
 */
export function decisionDay(decisionDate: string | null, recordedOn: string): string {
  return decisionDate ?? recordedOn;
}

/** Whether an approval counts by the end of `asOf` when read by its decision's date (true even if recorded later). */
export function approvedByDecisionDate(decisionDate: string | null, recordedOn: string, asOf: string): boolean {
  return decisionDay(decisionDate, recordedOn) <= asOf;
}

/** A body of the report as the default reading counted it. */
export interface DefaultBody {
  id: string;
  name: string;
  submitted: boolean;
  approved: boolean;
}

/** A dossier as the appraiser and decision-date readings need it (see report-readings.query.ts). */
export interface ReadingDossier extends ReceivedDossier {
  received: boolean;
  decisionDate: string | null;
  recordedOn: string | null;
}

export interface BodyFigures {
  total: number;
  submitted: number;
  approved: number;
  approvalRate: number | null;
  submissionRate: number | null;
}

export interface ReportReadings {
  default: Reading;
  /** Which reading the report's main figures are, in a sentence. */
  note: string;
  byOwner: { title: string; sentence: string } & BodyFigures;
  bySender: { title: string; sentence: string; onlyBySender: string[]; onlyByOwner: string[] } & BodyFigures;
  byAppraiser: { title: string; sentence: string; appraisers: AppraiserFigures[] };
  byDecisionDate: {
    title: string;
    sentence: string;
    bodiesApprovedByRecord: number;
    bodiesApprovedByDecisionDate: number;
    dossiersApprovedByRecord: number;
    dossiersApprovedByDecisionDate: number;
    /** Dossiers whose decision is dated on or before the day but was recorded after it. */
    decidedByDayRecordedLater: number;
    /** The bodies that count as approved by the decision's date and not by the day it was recorded. */
    onlyByDecisionDate: string[];
  };
}

/** A share in percent, one decimal; null when there is nothing to divide by. */
export type RateOf = (part: number, whole: number) => number | null;

/**
 * The four readings of one report. `bodies` are the report's bodies as the default reading counted them (the
 * default figures are theirs, unchanged); `senders` the bodies that sent a dossier themselves; `dossiers` the
 * bodies' dossiers received by the day or decided by it. Rows for bodies outside `bodies` are ignored.
 */
export function buildReadings(
  bodies: readonly DefaultBody[],
  senders: readonly { body: string; approved: boolean }[],
  dossiers: readonly ReadingDossier[],
  asOf: string,
  rate: RateOf,
): ReportReadings {
  const inScope = new Map(bodies.map((b) => [b.id, b]));
  const figures = (submitted: number, approved: number): BodyFigures => ({
    total: bodies.length,
    submitted,
    approved,
    approvalRate: rate(approved, submitted),
    submissionRate: rate(submitted, bodies.length),
  });
  const names = (ids: Iterable<string>) => [...ids].map((id) => inScope.get(id)!.name).sort((a, b) => a.localeCompare(b, 'vi'));

  const sent = new Map(senders.filter((s) => inScope.has(s.body)).map((s) => [s.body, s.approved]));
  const ownerSubmitted = bodies.filter((b) => b.submitted).map((b) => b.id);

  const mine = dossiers.filter((d) => inScope.has(d.body));
  const decided = mine.filter((d) => d.recordedOn !== null && approvedByDecisionDate(d.decisionDate, d.recordedOn, asOf));
  const approvedByRecord = new Set(bodies.filter((b) => b.approved).map((b) => b.id));
  const approvedByDecision = new Set(decided.map((d) => d.body));

  return {
    default: DEFAULT_READING,
    note: DEFAULT_READING_NOTE,
    byOwner: { ...READING_TEXTS.BY_OWNER, ...figures(ownerSubmitted.length, approvedByRecord.size) },
    bySender: {
      ...READING_TEXTS.BY_SENDER,
      ...figures(sent.size, [...sent.values()].filter(Boolean).length),
      onlyBySender: names([...sent.keys()].filter((id) => !inScope.get(id)!.submitted)),
      onlyByOwner: names(ownerSubmitted.filter((id) => !sent.has(id))),
    },
    byAppraiser: { ...READING_TEXTS.BY_APPRAISER, appraisers: countByAppraiser(mine.filter((d) => d.received)) },
    byDecisionDate: {
      ...READING_TEXTS.BY_DECISION_DATE,
      bodiesApprovedByRecord: approvedByRecord.size,
      bodiesApprovedByDecisionDate: approvedByDecision.size,
      dossiersApprovedByRecord: mine.filter((d) => d.approvedByDay).length,
      dossiersApprovedByDecisionDate: decided.length,
      decidedByDayRecordedLater: decided.filter((d) => !d.approvedByDay).length,
      onlyByDecisionDate: names([...approvedByDecision].filter((id) => !approvedByRecord.has(id))),
    },
  };
}
