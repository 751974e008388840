import { EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuthUser } from '../auth/auth-user';
import { roleHas } from '../auth/permissions';
import { DomainError, notFound } from '../common/errors/domain-error';

/** What the inspection use cases need of a system, read with SQL (src/inspections does not import the systems module). */
export interface InspectedSystem {
  id: string;
  name: string;
  ownerAgencyId: string;
  operatorAgencyId: string;
  provinceCode: string;
  approvedLevel: number | null;
  stateSecret: boolean;
  retiredAt: string | null;
}

/** The system if the user may see it (the `system:read` scope); 404 otherwise, so ids outside one's scope do not leak. */
export async function visibleSystem(
  em: EntityManager,
  access: AccessService,
  user: AuthUser,
  id: string,
  lock = false,
): Promise<InspectedSystem> {
  const scope = access.systemScope(user, 's');
  const qb = em
    .createQueryBuilder()
    .select(
      `s.id AS "id", s.name AS "name", s.owner_agency_id AS "ownerAgencyId", s.operator_agency_id AS "operatorAgencyId",
       s.province_code AS "provinceCode", s.approved_level AS "approvedLevel", s.state_secret AS "stateSecret", s.retired_at AS "retiredAt"`,
    )
    .from('systems', 's')
    .where('s.id = :id', { id })
    .andWhere(scope.sql, scope.params);
  if (lock) qb.setLock('pessimistic_write');
  const system = await qb.getRawOne<InspectedSystem>();
  if (!system) throw notFound('Không tìm thấy hệ thống thông tin.');
  return system;
}

/**
 * Who records inspections and remediation: the owner's or operator's officers (`canWriteSystemOf`), an appraiser of the
 * system's province (the read scope already limits it to its province), administrators.
 */
export function mayRecordInspection(access: AccessService, user: AuthUser, system: InspectedSystem): boolean {
  if (!roleHas(user.role, 'inspection:write')) return false;
  if (user.role === 'ADMIN') return true;
  if (user.role === 'APPRAISER') return user.provinceCode === system.provinceCode;
  return access.canWriteSystemOf(user, system);
}

export function requireInspectionWriter(access: AccessService, user: AuthUser, system: InspectedSystem): void {
  if (mayRecordInspection(access, user, system)) return;
  throw new DomainError(
    'FORBIDDEN',
    'Chỉ cán bộ của cơ quan chủ quản, đơn vị vận hành, đơn vị thẩm định của tỉnh hoặc quản trị viên ghi nhận kiểm tra.',
  );
}
