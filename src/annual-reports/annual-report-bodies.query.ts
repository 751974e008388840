import { EntityManager } from 'typeorm';
import type { AnnualStage } from './annual-report-deadlines';

export interface AnnualBodyRow {
  agency_id: string;
  code: string;
  name: string;
  stage: AnnualStage;
  sent_on: string | null;
  document_number: string | null;
}

/**
 * The bodies that owe a report for `year` in a province, each with its submission recorded on or before `asOf`:
 * every owner of a system in service (OWNER_TO_MINISTRY), and every unit that reports to an owner (UNIT_TO_OWNER):
 * an operator other than the owner, and the specialised unit the owner's routing rules name (TT12 Art. 13.4.a,
 * ND331 Art. 35.4.a). `agencyId` narrows to one body. Sorted by name (vi collation), owners first.
 */
export function annualBodies(
  em: EntityManager,
  params: { provinceCode: string; asOf: string; year: number; agencyId: string | null },
): Promise<AnnualBodyRow[]> {
  return em.query(
    `WITH sys AS (
       SELECT owner_agency_id, operator_agency_id FROM systems
        WHERE province_code = $1 AND (retired_at IS NULL OR retired_at > $2)),
     bodies AS (
       SELECT owner_agency_id AS agency_id, 'OWNER_TO_MINISTRY' AS stage FROM sys
       UNION
       SELECT operator_agency_id, 'UNIT_TO_OWNER' FROM sys WHERE operator_agency_id <> owner_agency_id
       UNION
       SELECT r.specialised_unit_agency_id, 'UNIT_TO_OWNER' FROM routing_rules r
        WHERE r.active AND r.specialised_unit_agency_id IS NOT NULL AND r.owner_agency_id IN (SELECT owner_agency_id FROM sys))
     SELECT b.agency_id, a.code, a.name, b.stage, to_char(s.sent_on, 'YYYY-MM-DD') AS sent_on, s.document_number
       FROM bodies b
       JOIN agencies a ON a.id = b.agency_id
       LEFT JOIN annual_report_submissions s ON s.agency_id = b.agency_id AND s.year = $3 AND s.stage = b.stage AND s.sent_on <= $2
      WHERE $4::uuid IS NULL OR b.agency_id = $4
      ORDER BY b.stage DESC, a.name COLLATE "vi-x-icu"`,
    [params.provinceCode, params.asOf, params.year, params.agencyId],
  );
}
