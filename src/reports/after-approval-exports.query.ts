import { EntityManager } from 'typeorm';
import type { PlanItemStatus } from '../plan-items/deployment-status';

export interface PlanItemExportRow {
  owner_name: string;
  operator_name: string;
  system_code: string;
  system_name: string;
  level: number | null;
  section: string;
  requirement_id: string;
  title: string;
  measure: string;
  responsible_unit: string;
  planned_date: string | null;
  status: PlanItemStatus;
  done_on: string | null;
  reason: string | null;
  declared_at_approval: boolean;
}

/**
 * The live plan items (not superseded by a newer approval) of the scope's systems — province $1, owners $3 or all,
 * and $4 one agency as owner or operator — sorted by owner, system, section and requirement.
 */
export function planItemsForExport(
  em: EntityManager,
  scope: { provinceCode: string; ownerIds: string[] | null; agencyId: string | null },
): Promise<PlanItemExportRow[]> {
  return em.query(
    `SELECT o.name AS owner_name, op.name AS operator_name, s.code AS system_code, s.name AS system_name, s.approved_level AS level,
            p.section, p.requirement_id, p.title, p.measure, p.responsible_unit, to_char(p.planned_date, 'YYYY-MM-DD') AS planned_date,
            p.status, to_char(p.done_on, 'YYYY-MM-DD') AS done_on, p.reason, p.declared_at_approval
       FROM plan_items p
       JOIN systems s ON s.id = p.system_id
       JOIN agencies o ON o.id = s.owner_agency_id
       JOIN agencies op ON op.id = s.operator_agency_id
      WHERE p.superseded_at IS NULL AND s.province_code = $1 AND s.retired_at IS NULL
        AND ($2::uuid[] IS NULL OR s.owner_agency_id = ANY($2))
        AND ($3::uuid IS NULL OR s.owner_agency_id = $3 OR s.operator_agency_id = $3)
      ORDER BY o.name COLLATE "vi-x-icu", s.name COLLATE "vi-x-icu", p.section, p.requirement_id`,
    [scope.provinceCode, scope.ownerIds, scope.agencyId],
  );
}

export interface InspectionExportRow {
  owner_name: string;
  system_id: string;
  system_code: string;
  system_name: string;
  performed_on: string;
  kind: string;
  covers_organisation: boolean;
  performer: string;
  independent: boolean;
  qualified: boolean;
  method: string | null;
  summary: string | null;
  open_findings: number;
  overdue_findings: number;
}

/** Every recorded inspection of the scope's systems on or before $4, with its open and overdue findings then. */
export function inspectionsForExport(
  em: EntityManager,
  scope: { provinceCode: string; ownerIds: string[] | null; agencyId: string | null; asOf: string },
): Promise<InspectionExportRow[]> {
  return em.query(
    `SELECT o.name AS owner_name, s.id AS system_id, s.code AS system_code, s.name AS system_name,
            to_char(i.performed_on, 'YYYY-MM-DD') AS performed_on, i.kind, i.covers_organisation, i.performer, i.independent, i.qualified,
            i.method, i.summary,
            (SELECT count(*)::int FROM inspection_findings f WHERE f.inspection_id = i.id AND f.status = 'OPEN') AS open_findings,
            (SELECT count(*)::int FROM inspection_findings f WHERE f.inspection_id = i.id AND f.status = 'OPEN' AND f.due_on < $4) AS overdue_findings
       FROM inspections i
       JOIN systems s ON s.id = i.system_id
       JOIN agencies o ON o.id = s.owner_agency_id
      WHERE s.province_code = $1 AND s.retired_at IS NULL AND i.performed_on <= $4
        AND ($2::uuid[] IS NULL OR s.owner_agency_id = ANY($2))
        AND ($3::uuid IS NULL OR s.owner_agency_id = $3 OR s.operator_agency_id = $3)
      ORDER BY o.name COLLATE "vi-x-icu", s.name COLLATE "vi-x-icu", i.performed_on DESC`,
    [scope.provinceCode, scope.ownerIds, scope.agencyId, scope.asOf],
  );
}

export interface ApprovedSystemExportRow {
  id: string;
  owner_name: string;
  system_code: string;
  system_name: string;
}

/** Names of the approved systems whose schedule the inspections workbook lists (ids from afterApprovalSystems). */
export function systemNames(em: EntityManager, ids: string[]): Promise<ApprovedSystemExportRow[]> {
  return em.query(
    `SELECT s.id, o.name AS owner_name, s.code AS system_code, s.name AS system_name
       FROM systems s JOIN agencies o ON o.id = s.owner_agency_id
      WHERE s.id = ANY($1::uuid[])
      ORDER BY o.name COLLATE "vi-x-icu", s.name COLLATE "vi-x-icu"`,
    [ids],
  );
}
