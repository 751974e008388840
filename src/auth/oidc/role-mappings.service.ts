import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { Role } from '../../users/role';
import { canonicalClaimValue, claimValueProblem, isRole, RoleMappingRow, rolesForValues } from './role-mapping-rules';

/** One row of the table the administrator edits: this provider role or group gives this capdo role. */
export interface RoleMapping {
  id: string;
  claimValue: string;
  role: Role;
  createdAt: Date;
  updatedAt: Date;
}

export interface RoleMappingInput {
  claimValue: string;
  role: Role;
}

interface Row {
  id: string;
  claim_value: string;
  role: Role;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, claim_value, role, created_at, updated_at';

/**
 * The only owner of `oidc_role_mappings`: which role or group the province's identity provider sends gives which capdo
 * role (docs/security/single-sign-on.md). Read at every single sign-on; every change is audited in its transaction.
 */
@Injectable()
export class RoleMappingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The distinct capdo roles the provider's role/group values map to (exact, case-sensitive match); [] when none. */
  async rolesFor(values: readonly string[]): Promise<Role[]> {
    const strings = values.filter((v): v is string => typeof v === 'string').map(canonicalClaimValue);
    if (strings.length === 0) return [];
    const rows: { claim_value: string; role: Role }[] = await this.dataSource.query(
      `SELECT claim_value, role FROM oidc_role_mappings WHERE claim_value = ANY($1::text[])`,
      [strings],
    );
    const mappings: RoleMappingRow[] = rows.filter((r) => isRole(r.role)).map((r) => ({ claimValue: r.claim_value, role: r.role }));
    return rolesForValues(strings, mappings);
  }

  /** Every mapping, by provider value. */
  async list(): Promise<RoleMapping[]> {
    const rows: Row[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM oidc_role_mappings ORDER BY claim_value COLLATE "C", id`);
    return rows.map(mapRow);
  }

  async get(id: string): Promise<RoleMapping> {
    return mapRow(await this.findRow(this.dataSource.manager, id));
  }

  create(input: RoleMappingInput): Promise<RoleMapping> {
    const claimValue = checkedInput(input);
    return this.dataSource.transaction(async (em) => {
      await this.assertUnused(em, claimValue);
      const rows: Row[] = await em
        .query(`INSERT INTO oidc_role_mappings (claim_value, role) VALUES ($1, $2) RETURNING ${COLUMNS}`, [claimValue, input.role])
        .catch(duplicateAs(claimValue));
      const created = mapRow(rows[0]);
      await this.audit.record(em, { action: 'CREATE', entityType: ENTITY, entityId: created.id, after: auditView(created) });
      return created;
    });
  }

  update(id: string, input: Partial<RoleMappingInput>): Promise<RoleMapping> {
    return this.dataSource.transaction(async (em) => {
      const before = mapRow(await this.findRow(em, id, true));
      const claimValue = checkedInput({ claimValue: input.claimValue ?? before.claimValue, role: input.role ?? before.role });
      const role = input.role ?? before.role;
      if (claimValue === before.claimValue && role === before.role) return before;
      if (claimValue !== before.claimValue) await this.assertUnused(em, claimValue);
      const [rows]: [Row[], number] = await em
        .query(`UPDATE oidc_role_mappings SET claim_value = $2, role = $3, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`, [
          id,
          claimValue,
          role,
        ])
        .catch(duplicateAs(claimValue));
      const after = mapRow(rows[0]);
      await this.audit.record(em, {
        action: 'UPDATE',
        entityType: ENTITY,
        entityId: id,
        before: auditView(before),
        after: auditView(after),
      });
      return after;
    });
  }

  remove(id: string): Promise<void> {
    return this.dataSource.transaction(async (em) => {
      const before = mapRow(await this.findRow(em, id, true));
      await em.query(`DELETE FROM oidc_role_mappings WHERE id = $1`, [id]);
      await this.audit.record(em, { action: 'DELETE', entityType: ENTITY, entityId: id, before: auditView(before) });
    });
  }

  private async findRow(em: EntityManager, id: string, lock = false): Promise<Row> {
    if (!UUID.test(id)) throw notFound(NOT_FOUND_DETAIL);
    const rows: Row[] = await em.query(`SELECT ${COLUMNS} FROM oidc_role_mappings WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    if (!rows[0]) throw notFound(NOT_FOUND_DETAIL);
    return rows[0];
  }

  private async assertUnused(em: EntityManager, claimValue: string): Promise<void> {
    const rows: unknown[] = await em.query(`SELECT 1 FROM oidc_role_mappings WHERE claim_value = $1`, [claimValue]);
    if (rows.length > 0) throw duplicate(claimValue);
  }
}

function duplicate(claimValue: string): DomainError {
  return new DomainError('DUPLICATE', `Giá trị "${claimValue}" đã được ánh xạ tới một vai trò.`, { claimValue: ['đã được ánh xạ'] });
}

/** Two administrators adding the same value at once: the unique index refuses the second, with the same message. */
function duplicateAs(claimValue: string): (error: unknown) => never {
  return (error) => {
    const code = error instanceof QueryFailedError ? (error.driverError as { code?: string } | undefined)?.code : undefined;
    throw code === '23505' ? duplicate(claimValue) : error;
  };
}

const ENTITY = 'oidc_role_mapping';
const NOT_FOUND_DETAIL = 'Không tìm thấy ánh xạ vai trò.';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The service is called by pages as well as the API: it checks its input itself, not only through the DTO. */
function checkedInput(input: RoleMappingInput): string {
  const claimValue = typeof input.claimValue === 'string' ? canonicalClaimValue(input.claimValue) : '';
  const errors: Record<string, string[]> = {};
  const problem = claimValueProblem(claimValue);
  if (problem) errors.claimValue = [problem];
  if (!isRole(input.role)) errors.role = ['vai trò không hợp lệ'];
  if (Object.keys(errors).length > 0) {
    throw new DomainError('VALIDATION_FAILED', 'Ánh xạ vai trò chưa hợp lệ.', errors);
  }
  return claimValue;
}

function mapRow(row: Row): RoleMapping {
  return { id: row.id, claimValue: row.claim_value, role: row.role, createdAt: row.created_at, updatedAt: row.updated_at };
}

function auditView(m: RoleMapping): { claimValue: string; role: Role } {
  return { claimValue: m.claimValue, role: m.role };
}
