import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { notFound } from '../common/errors/domain-error';
import { Page } from '../common/http/pagination';
import { likePattern } from '../common/text/vietnamese';
import { AccountDto, AccountListQuery } from './dto/account.dto';
import { Role } from './role';
import { listAgencyOf, maySee } from './user-scope';

/** What the list filters by; `page`/`pageSize` default to 1 and 50. */
export type AccountFilter = Partial<Pick<AccountListQuery, 'q' | 'role' | 'agencyId' | 'active' | 'page' | 'pageSize'>>;

interface AccountDetailsRow {
  id: string;
  username: string;
  full_name: string;
  title: string | null;
  email: string | null;
  role: Role;
  agency_id: string | null;
  agency_code: string | null;
  agency_name: string | null;
  active: boolean;
  must_change_password: boolean;
  oidc_subject: string | null;
  last_sign_in_at: Date | null;
  created_at: Date;
  version: number;
}

const DETAILS = `u.id, u.username, u.full_name, u.title, u.email, u.role, u.agency_id, a.code AS agency_code, a.name AS agency_name,
  u.active, u.must_change_password, u.oidc_subject, u.last_sign_in_at, u.created_at, u.version`;

/** Text folded as likePattern folds the query: lower case, no tone marks, đ → d ("nguyen van" finds "Nguyễn Văn"). */
const folded = (column: string) => `regexp_replace(normalize(lower(translate(${column}, 'Đđ', 'dd')), NFD), '[\\u0300-\\u036f]', '', 'g')`;

/**
 * Reading accounts for the administrators' list and account page: an administrator sees every account, an agency's
 * head its own agency's (src/users/user-scope.ts); anything else is not found.
 */
@Injectable()
export class UsersQueryService {
  constructor(private readonly dataSource: DataSource) {}

  async list(actor: AuthUser, filter: AccountFilter = {}): Promise<Page<AccountDto>> {
    const page = filter.page ?? 1;
    const pageSize = filter.pageSize ?? 50;
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const ownAgency = listAgencyOf(actor);
    if (ownAgency !== undefined) where.push(`u.agency_id::text = ${param(ownAgency)}`);
    if (filter.agencyId) where.push(`u.agency_id = ${param(filter.agencyId)}`);
    if (filter.role) where.push(`u.role = ${param(filter.role)}`);
    if (filter.active !== undefined) where.push(`u.active = ${param(filter.active)}`);
    if (filter.q?.trim()) {
      const q = param(likePattern(filter.q));
      where.push(
        `(${folded('u.username')} LIKE ${q} OR ${folded('u.full_name')} LIKE ${q} OR ${folded("coalesce(u.email, '')")} LIKE ${q})`,
      );
    }
    const condition = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const from = `FROM users u LEFT JOIN agencies a ON a.id = u.agency_id ${condition}`;
    const [rows, counted]: [AccountDetailsRow[], { total: number }[]] = await Promise.all([
      this.dataSource.query(
        `SELECT ${DETAILS} ${from}
          ORDER BY a.name COLLATE "vi-x-icu" NULLS FIRST, u.full_name COLLATE "vi-x-icu", u.username
          LIMIT ${param(pageSize)} OFFSET ${param((page - 1) * pageSize)}`,
        params,
      ),
      this.dataSource.query(`SELECT count(*)::int AS total ${from}`, params.slice(0, params.length - 2)),
    ]);
    return { items: rows.map(mapAccountDetails), total: counted[0].total, page, pageSize };
  }

  /** One account in the actor's sight; 404 otherwise. */
  async get(actor: AuthUser, id: string): Promise<AccountDto> {
    const account = await this.details(this.dataSource.manager, id);
    if (!account || !maySee(actor, account)) throw notFound('Không tìm thấy tài khoản.');
    return account;
  }

  /** An account as stored, read in the caller's transaction (locked for update when `lock`); undefined when unknown. */
  async details(em: EntityManager, id: string, lock = false): Promise<AccountDto | undefined> {
    const rows: AccountDetailsRow[] = await em.query(
      `SELECT ${DETAILS} FROM users u LEFT JOIN agencies a ON a.id = u.agency_id WHERE u.id = $1${lock ? ' FOR UPDATE OF u' : ''}`,
      [id],
    );
    return rows[0] && mapAccountDetails(rows[0]);
  }
}

function mapAccountDetails(row: AccountDetailsRow): AccountDto {
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    title: row.title,
    email: row.email,
    role: row.role,
    agencyId: row.agency_id,
    agencyCode: row.agency_code,
    agencyName: row.agency_name,
    active: row.active,
    mustChangePassword: row.must_change_password,
    singleSignOn: row.oidc_subject !== null,
    lastSignInAt: row.last_sign_in_at,
    createdAt: row.created_at,
    version: row.version,
  };
}
