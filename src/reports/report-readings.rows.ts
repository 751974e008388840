import { APPRAISAL_STAGE_LABELS, AppraisalStage, ReportReadings } from './report-readings';
import { rate } from './report-tiers';

/** The other readings as rows, the same in the CSV, the workbook and the PDF (section "Các cách đếm khác"). */

export const READINGS_SECTION_TITLE = 'Các cách đếm khác';

export { DEFAULT_READING_NOTE } from './report-readings';

export const READING_SUMMARY_HEADERS = [
  'Cách đếm',
  'Tổng số',
  'Đã gửi hồ sơ',
  'Đã được phê duyệt',
  'Tỷ lệ phê duyệt (trên số đã gửi)',
] as const;

/** The stages an appraising body's table shows (withdrawn and back-to-draft ones are in the received total). */
const SHOWN_STAGES: AppraisalStage[] = ['WAITING', 'RETURNED', 'UNDER_APPRAISAL', 'APPRAISED', 'APPROVED'];

export const APPRAISER_HEADERS = [
  'Đơn vị thẩm định',
  'Cơ quan, đơn vị đã tiếp nhận hồ sơ',
  'Hồ sơ đã tiếp nhận',
  ...SHOWN_STAGES.map((s) => `Hồ sơ ${APPRAISAL_STAGE_LABELS[s].toLowerCase()}`),
  'Cơ quan, đơn vị đã được phê duyệt',
] as const;

/** The bodies' figures by owner (the default), by the body that sent the dossier, and by the decision's date. */
export function readingSummaryRows(r: ReportReadings): [string, number, number, number, number | null][] {
  const o = r.byOwner;
  const s = r.bySender;
  const d = r.byDecisionDate;
  const byDecision = d.bodiesApprovedByDecisionDate;
  return [
    [o.title, o.total, o.submitted, o.approved, o.approvalRate],
    [s.title, s.total, s.submitted, s.approved, s.approvalRate],
    [d.title, o.total, o.submitted, byDecision, rate(byDecision, o.submitted)],
  ];
}

/** One row per appraising body: bodies and dossiers received by the day, the dossiers by stage then, bodies approved. */
export function appraiserRows(r: ReportReadings): (string | number)[][] {
  return r.byAppraiser.appraisers.map((a) => [
    a.appraiserName,
    a.bodiesReceived,
    a.dossiersReceived,
    ...SHOWN_STAGES.map((s) => a.byStage[s]),
    a.bodiesApproved,
  ]);
}

/** Approvals by the day capdo recorded them against the date their decision bears. */
export function decisionDateRows(r: ReportReadings): [string, number][] {
  const d = r.byDecisionDate;
  return [
    ['Cơ quan, đơn vị được phê duyệt, theo ngày ghi nhận trên capdo', d.bodiesApprovedByRecord],
    ['Cơ quan, đơn vị được phê duyệt, theo ngày ký quyết định', d.bodiesApprovedByDecisionDate],
    ['Hồ sơ được phê duyệt, theo ngày ghi nhận trên capdo', d.dossiersApprovedByRecord],
    ['Hồ sơ được phê duyệt, theo ngày ký quyết định', d.dossiersApprovedByDecisionDate],
    ['Quyết định đề ngày đến hết ngày báo cáo nhưng ghi nhận sau ngày đó', d.decidedByDayRecordedLater],
  ];
}

/** Each reading's title and the plain sentence that explains it, the default first. */
export function readingSentences(r: ReportReadings): [string, string][] {
  return [r.byOwner, r.bySender, r.byAppraiser, r.byDecisionDate].map((x) => [x.title, x.sentence]);
}

/** The names that count in one reading and not in the default, as one line each (empty when none). */
export function readingDifferences(r: ReportReadings): string[] {
  const lines: string[] = [];
  if (r.bySender.onlyBySender.length)
    lines.push(`Tính theo đơn vị gửi hồ sơ nhưng không theo chủ quản: ${r.bySender.onlyBySender.join('; ')}.`);
  if (r.bySender.onlyByOwner.length) lines.push(`Tính theo chủ quản nhưng hồ sơ do đơn vị khác gửi: ${r.bySender.onlyByOwner.join('; ')}.`);
  if (r.byDecisionDate.onlyByDecisionDate.length)
    lines.push(
      `Được phê duyệt theo ngày ký quyết định, chưa ghi nhận đến ngày báo cáo: ${r.byDecisionDate.onlyByDecisionDate.join('; ')}.`,
    );
  return lines;
}
