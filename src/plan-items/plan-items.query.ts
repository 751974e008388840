import { EntityManager } from 'typeorm';
import type { AccessService } from '../access/access.service';
import type { AuthUser } from '../auth/auth-user';
import { DomainError, notFound } from '../common/errors/domain-error';
import { PlanItemStatus } from './deployment-status';

/** A system as the plan items read it (systems belongs to src/systems: read here, never written but through system-writes). */
export interface PlanSystem {
  id: string;
  name: string;
  owner_agency_id: string;
  operator_agency_id: string;
  province_code: string;
  lifecycle: string;
}

/** One plan_items row, as read. */
export interface PlanItemRow {
  id: string;
  system_id: string;
  dossier_id: string;
  requirement_id: string;
  section: string;
  title: string;
  measure: string;
  responsible_unit: string;
  planned_date: string | null;
  status: PlanItemStatus;
  reason: string | null;
  done_on: string | null;
  declared_at_approval: boolean;
  superseded_at: Date | null;
  version: number;
  updated_at: Date;
}

export const ITEM_COLUMNS = `p.id, p.system_id, p.dossier_id, p.requirement_id, p.section, p.title, p.measure, p.responsible_unit,
  to_char(p.planned_date, 'YYYY-MM-DD') AS planned_date, p.status, p.reason, to_char(p.done_on, 'YYYY-MM-DD') AS done_on,
  p.declared_at_approval, p.superseded_at, p.version, p.updated_at`;

/** The system if the user may read it (system:read scope); 404 otherwise, so that ids outside one's scope do not leak. */
export async function visibleSystem(em: EntityManager, access: AccessService, user: AuthUser, id: string): Promise<PlanSystem> {
  const scope = access.systemScope(user, 's');
  const system = await em
    .createQueryBuilder()
    .select(['s.id AS id', 's.name AS name', 's.owner_agency_id AS owner_agency_id', 's.operator_agency_id AS operator_agency_id'])
    .addSelect(['s.province_code AS province_code', 's.lifecycle AS lifecycle'])
    .from('systems', 's')
    .where('s.id = :id', { id })
    .andWhere(scope.sql, scope.params)
    .getRawOne<PlanSystem>();
  if (!system) throw notFound('Không tìm thấy hệ thống thông tin.');
  return system;
}

export async function liveItems(em: EntityManager, systemId: string): Promise<PlanItemRow[]> {
  return em.query(`SELECT ${ITEM_COLUMNS} FROM plan_items p WHERE p.system_id = $1 AND p.superseded_at IS NULL ORDER BY p.requirement_id`, [
    systemId,
  ]);
}

export async function itemOf(em: EntityManager, systemId: string, itemId: string, lock = false): Promise<PlanItemRow> {
  const [row]: PlanItemRow[] = await em.query(
    `SELECT ${ITEM_COLUMNS} FROM plan_items p WHERE p.id = $1 AND p.system_id = $2${lock ? ' FOR UPDATE' : ''}`,
    [itemId, systemId],
  );
  if (!row) throw notFound('Không tìm thấy hạng mục của phương án.');
  return row;
}

export interface EvidenceRow {
  id: string;
  plan_item_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: string | null;
  uploaded_at: Date;
}

export async function evidenceOf(em: EntityManager, itemIds: string[]): Promise<EvidenceRow[]> {
  if (itemIds.length === 0) return [];
  return em.query(
    `SELECT id, plan_item_id, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at
       FROM plan_item_evidence WHERE plan_item_id = ANY($1) ORDER BY uploaded_at`,
    [itemIds],
  );
}

/** Officers of the owner or the operator (and administrators) move the plan along (ND331 Art. 33.1); others read it. */
export function assertPlanWriter(access: AccessService, user: AuthUser, system: PlanSystem): void {
  const target = { ownerAgencyId: system.owner_agency_id, operatorAgencyId: system.operator_agency_id, provinceCode: system.province_code };
  if (!access.canWriteSystemOf(user, target)) {
    throw new DomainError('FORBIDDEN', 'Chỉ cơ quan chủ quản hoặc đơn vị vận hành được cập nhật phương án của hệ thống này.');
  }
}
