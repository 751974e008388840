import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { roleHas } from '../auth/permissions';
import { notFound } from '../common/errors/domain-error';
import { mayWriteFor, READ_SCOPE, readsOwnAgencyOnly, WriteTarget } from './access-rules';
import { ActorRole, DossierActorFacts, dossierActorRoles } from './dossier-actors';

// The write rule is pure and lives in access-rules.ts (dossier-actors.ts reads it too); kept importable from here.
export { mayWriteFor } from './access-rules';
export type { WriteTarget } from './access-rules';

/** The province a list is limited to: null (every province) for administrators, else the user's own. */
export function provinceFilter(user: Pick<AuthUser, 'role' | 'provinceCode'>): string | null {
  if (user.role === 'ADMIN') return null;
  // A user without a province sees no province's rows ('' matches none).
  return user.provinceCode ?? '';
}

export interface ScopeCondition {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * The one place that answers "may this user see these agencies": administrators see everything,
 * leaders and appraisers their province, an agency's officers and heads their own agency (`READ_SCOPE`).
 */
@Injectable()
export class AccessService {
  agencyScope(user: AuthUser, alias: string): ScopeCondition {
    return this.scoped(user, alias, `${alias}.id = :scopeAgency`);
  }

  /** Systems a user may see: owned or operated by the officer's (or head's) agency, the province for leaders and appraisers. */
  systemScope(user: AuthUser, alias: string): ScopeCondition {
    return this.scoped(user, alias, `(${alias}.owner_agency_id = :scopeAgency OR ${alias}.operator_agency_id = :scopeAgency)`);
  }

  /** Everything for administrators, the province for leaders and appraisers, `ownAgency` for an agency's officers and heads. */
  private scoped(user: AuthUser, alias: string, ownAgency: string): ScopeCondition {
    switch (READ_SCOPE[user.role]) {
      case 'ALL':
        return { sql: 'TRUE', params: {} };
      case 'PROVINCE':
        return { sql: `${alias}.province_code = :scopeProvince`, params: { scopeProvince: user.provinceCode } };
      case 'OWN_AGENCY':
        return { sql: ownAgency, params: { scopeAgency: user.agencyId } };
    }
  }

  /**
   * Dossiers follow their system's scope: the owner and the operator, the province, or everything. An agency's head
   * also reads the dossiers routed to its agency for approval (a body the owner designated to approve), or it could
   * not decide them.
   */
  dossierScope(user: AuthUser, alias: string): ScopeCondition {
    const scope = this.systemScope(user, alias);
    if (!readsOwnAgencyOnly(user) || !roleHas(user.role, 'dossier:approve')) return scope;
    return { sql: `(${scope.sql} OR ${alias}.approver_agency_id = :scopeAgency)`, params: scope.params };
  }

  /**
   * Officers may register and edit only what their agency owns, or operates for an owner of their own province
   * (an officer must not put a system, a dossier and so a report figure under another province's body);
   * administrators anything.
   */
  canWriteSystemOf(user: AuthUser, target: WriteTarget): boolean {
    return mayWriteFor(user, target);
  }

  /** May this user act on this dossier, and as whom (preparer, routed appraiser, approver): see `dossier-actors.ts`. */
  dossierActorRoles(user: AuthUser, dossier: DossierActorFacts): ActorRole[] {
    return dossierActorRoles(user, dossier);
  }

  /** Refuses with 404 (never 403, so ids do not leak) when any agency is outside the user's scope. */
  async requireAgencies(em: EntityManager, user: AuthUser, ids: string[]): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return;
    const scope = this.agencyScope(user, 'a');
    const visible = await em
      .createQueryBuilder()
      .select('count(*)::int', 'n')
      .from('agencies', 'a')
      .where('a.id IN (:...ids)', { ids: unique })
      .andWhere(scope.sql, scope.params)
      .getRawOne<{ n: number }>();
    if ((visible?.n ?? 0) !== unique.length) throw notFound('Không tìm thấy cơ quan, đơn vị.');
  }
}
