import { differenceInCalendarDays, parseISO } from 'date-fns';
import { EntityManager } from 'typeorm';
import { FindingDto, InspectionDto, InspectionDueRowDto, PolicyVersionDto } from './dto/inspection.dto';
import {
  FINDING_STATUS_LABELS,
  FindingStatus,
  INSPECTION_KIND_LABELS,
  INSPECTION_METHOD_LABELS,
  InspectionKind,
  InspectionMethod,
  performerGaps,
} from './inspection-rules';
import { InspectionPolicyRule, InspectionRegime, inspectionRegimeOn, isInspectionOverdue, nextInspectionDue } from './inspection-schedule';

/** Reads of the inspections tables (src/inspections owns them) and what the schedule needs of a system. */

export interface ScheduleRow {
  id: string;
  code: string;
  name: string;
  owner_agency_id: string;
  owner_name: string;
  operator_agency_id: string;
  province_code: string;
  approved_level: number | null;
  approved_on: string | null;
  retired: boolean;
  listed: boolean;
  last_on: string | null;
  last_org_on: string | null;
  open_findings: number;
  overdue_findings: number;
}

/**
 * One row per system with what `nextInspectionDue` needs; `where` is trusted SQL over `s` with positional params from $2
 * (lists add `s.retired_at IS NULL`: a retired system owes no inspection).
 */
export function scheduleRowsSql(where: string): string {
  return `
    SELECT s.id, s.code, s.name, s.owner_agency_id, a.name AS owner_name, s.operator_agency_id, s.province_code, s.approved_level,
           to_char(s.approval_decision_date, 'YYYY-MM-DD') AS approved_on, s.retired_at IS NOT NULL AS retired,
           (s.approved_level = 5 OR COALESCE((
              SELECT (d.classification -> 'result' ->> 'onNationalSecurityList')::boolean FROM dossiers d
               WHERE d.system_id = s.id AND d.status = 'APPROVED' ORDER BY d.approved_at DESC NULLS LAST LIMIT 1), false)) AS listed,
           (SELECT to_char(max(i.performed_on), 'YYYY-MM-DD') FROM inspections i
             WHERE i.system_id = s.id AND i.kind IN ('PERIODIC', 'BEFORE_GO_LIVE')) AS last_on,
           (SELECT to_char(max(i.performed_on), 'YYYY-MM-DD') FROM inspections i JOIN systems o ON o.id = i.system_id
             WHERE o.owner_agency_id = s.owner_agency_id AND i.covers_organisation) AS last_org_on,
           (SELECT count(*)::int FROM inspection_findings f WHERE f.system_id = s.id AND f.status = 'OPEN') AS open_findings,
           (SELECT count(*)::int FROM inspection_findings f WHERE f.system_id = s.id AND f.status = 'OPEN' AND f.due_on < $1) AS overdue_findings
      FROM systems s JOIN agencies a ON a.id = s.owner_agency_id
     WHERE ${where}
     ORDER BY s.name COLLATE "vi-x-icu", s.id`;
}

/** The policy version in force under ND331: the newest. */
export async function policyInForce(em: EntityManager): Promise<{ version: number; rules: InspectionPolicyRule[] } | null> {
  const rows: { version: number; level: number; interval_months: number | null; requires_independent: boolean }[] = await em.query(
    `SELECT version, level, interval_months, requires_independent FROM inspection_policies
      WHERE regime = 'ND331' AND version = (SELECT max(version) FROM inspection_policies WHERE regime = 'ND331') ORDER BY level`,
  );
  if (!rows.length) return null;
  return {
    version: rows[0].version,
    rules: rows.map((r) => ({ level: r.level, intervalMonths: r.interval_months, requiresIndependent: r.requires_independent })),
  };
}

export interface PolicyInForce {
  version: number;
  rules: InspectionPolicyRule[];
}

const BASIS_WORDS = { LAST_INSPECTION: 'lần kiểm tra gần nhất', APPROVAL: 'ngày phê duyệt cấp độ' } as const;

/** The schedule of one system on `today`, with the words a user reads. */
export function mapSchedule(row: ScheduleRow, today: string, policy: PolicyInForce | null): InspectionDueRowDto {
  const regime: InspectionRegime = inspectionRegimeOn(today);
  const due = row.retired
    ? null
    : nextInspectionDue({
        regime,
        level: row.approved_level,
        onNationalSecurityList: row.listed,
        approvedOn: row.approved_on,
        lastInspectionOn: row.last_on,
        lastOrganisationInspectionOn: row.last_org_on,
        policy: policy?.rules,
      });
  const overdue = isInspectionOverdue(due, today);
  const daysLeft = due ? differenceInCalendarDays(parseISO(due.dueOn), parseISO(today)) : null;
  const summary = !due
    ? row.retired
      ? 'Hệ thống đã dừng vận hành: không còn lịch kiểm tra định kỳ.'
      : row.approved_level === null
        ? 'Hệ thống chưa được phê duyệt cấp độ: chưa có lịch kiểm tra định kỳ.'
        : 'Chưa có hạn kiểm tra định kỳ theo chính sách đang áp dụng.'
    : overdue
      ? `Đã quá hạn kiểm tra từ ngày ${vnDate(due.dueOn)} (${-(daysLeft ?? 0)} ngày).`
      : `Kiểm tra tiếp theo trước ngày ${vnDate(due.dueOn)}, tính từ ${BASIS_WORDS[due.basis]} ${vnDate(due.baseOn)}.`;
  return {
    systemId: row.id,
    systemCode: row.code,
    systemName: row.name,
    ownerAgencyId: row.owner_agency_id,
    ownerName: row.owner_name,
    lastInspectionOn: row.last_on,
    approvedLevel: row.approved_level,
    regime,
    onNationalSecurityList: row.listed,
    nextDueOn: due?.dueOn ?? null,
    basis: due?.basis ?? null,
    baseOn: due?.baseOn ?? null,
    intervalMonths: due?.intervalMonths ?? null,
    requiresIndependent: due?.requiresIndependent ?? false,
    overdue,
    daysLeft,
    articles: due?.articles ?? [],
    policyVersion: regime === 'ND331' ? (policy?.version ?? null) : null,
    summary,
    openFindings: row.open_findings,
    overdueFindings: row.overdue_findings,
  };
}

interface InspectionRow {
  id: string;
  system_id: string;
  kind: InspectionKind;
  covers_organisation: boolean;
  performed_on: string;
  performer: string;
  performer_agency_id: string | null;
  independent: boolean;
  qualified: boolean;
  method: InspectionMethod | null;
  summary: string | null;
  report_file_name: string | null;
  report_media_type: string | null;
  report_size_bytes: number | null;
  report_sha256: string | null;
  legacy: boolean;
  created_at: Date;
}

interface FindingRow {
  id: string;
  inspection_id: string;
  description: string;
  due_on: string;
  status: FindingStatus;
  resolved_on: string | null;
  note: string | null;
  version: number;
}

const INSPECTION_COLUMNS = `i.id, i.system_id, i.kind, i.covers_organisation, to_char(i.performed_on, 'YYYY-MM-DD') AS performed_on, i.performer,
  i.performer_agency_id, i.independent, i.qualified, i.method, i.summary, i.report_file_name, i.report_media_type, i.report_size_bytes,
  i.report_sha256, i.legacy, i.created_at`;
const FINDING_COLUMNS = `f.id, f.inspection_id, f.description, to_char(f.due_on, 'YYYY-MM-DD') AS due_on, f.status,
  to_char(f.resolved_on, 'YYYY-MM-DD') AS resolved_on, f.note, f.version`;

export function mapFinding(f: FindingRow, today: string): FindingDto {
  return {
    id: f.id,
    inspectionId: f.inspection_id,
    description: f.description,
    dueOn: f.due_on,
    status: f.status,
    statusLabel: FINDING_STATUS_LABELS[f.status],
    resolvedOn: f.resolved_on,
    note: f.note,
    overdue: f.status === 'OPEN' && f.due_on < today,
    version: f.version,
  };
}

/** A system's inspections, newest first, with their findings and the performer warnings under the duty of their day. */
export async function inspectionsOf(
  em: EntityManager,
  systemId: string,
  today: string,
  duty: { level: number | null; listed: boolean },
): Promise<InspectionDto[]> {
  const rows: InspectionRow[] = await em.query(
    `SELECT ${INSPECTION_COLUMNS} FROM inspections i WHERE i.system_id = $1 ORDER BY i.performed_on DESC, i.created_at DESC`,
    [systemId],
  );
  const findings: FindingRow[] = await em.query(
    `SELECT ${FINDING_COLUMNS} FROM inspection_findings f WHERE f.system_id = $1 ORDER BY f.due_on, f.id`,
    [systemId],
  );
  return rows.map((i) => ({
    id: i.id,
    systemId: i.system_id,
    kind: i.kind,
    kindLabel: INSPECTION_KIND_LABELS[i.kind],
    coversOrganisation: i.covers_organisation,
    performedOn: i.performed_on,
    performer: i.performer,
    performerAgencyId: i.performer_agency_id,
    independent: i.independent,
    qualified: i.qualified,
    method: i.method,
    methodLabel: i.method ? INSPECTION_METHOD_LABELS[i.method] : null,
    summary: i.summary,
    report:
      i.report_sha256 && i.report_file_name && i.report_media_type && i.report_size_bytes
        ? { fileName: i.report_file_name, mediaType: i.report_media_type, sizeBytes: i.report_size_bytes, sha256: i.report_sha256 }
        : null,
    legacy: i.legacy,
    warnings: i.legacy
      ? []
      : performerGaps(
          { regime: inspectionRegimeOn(i.performed_on), level: duty.level, onNationalSecurityList: duty.listed },
          { independent: i.independent, qualified: i.qualified },
        ),
    findings: findings.filter((f) => f.inspection_id === i.id).map((f) => mapFinding(f, today)),
    createdAt: i.created_at.toISOString(),
  }));
}

/** Every policy version, newest first. */
export async function policyVersions(em: EntityManager): Promise<PolicyVersionDto[]> {
  const rows: {
    regime: string;
    version: number;
    level: number;
    interval_months: number | null;
    requires_independent: boolean;
    is_default: boolean;
    note: string | null;
    created_at: Date;
    created_by: string | null;
  }[] = await em.query(
    `SELECT p.regime, p.version, p.level, p.interval_months, p.requires_independent, p.is_default, p.note, p.created_at, u.username AS created_by
       FROM inspection_policies p LEFT JOIN users u ON u.id = p.created_by
      ORDER BY p.version DESC, p.level`,
  );
  const versions = new Map<number, PolicyVersionDto>();
  for (const r of rows) {
    let v = versions.get(r.version);
    if (!v) {
      v = {
        regime: r.regime,
        version: r.version,
        inForce: versions.size === 0,
        createdAt: r.created_at.toISOString(),
        createdBy: r.created_by,
        rules: [],
      };
      versions.set(r.version, v);
    }
    v.rules.push({
      level: r.level,
      intervalMonths: r.interval_months,
      requiresIndependent: r.requires_independent,
      isDefault: r.is_default,
      note: r.note,
    });
  }
  return [...versions.values()];
}

export function vnDate(iso: string): string {
  return iso.split('-').reverse().join('/');
}
