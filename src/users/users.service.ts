import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { personLabel } from './person-label';
import { Role } from './role';

/** An account as the rest of the product sees it: who, which role, which agency and province. */
export interface Account {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  agencyId: string | null;
  /** Province of the account's agency; null for administrators without an agency. */
  provinceCode: string | null;
  /** Chức vụ, shown with the full name (users/person-label.ts); null when not recorded. */
  title: string | null;
  /** Signed in with a temporary password that must be changed first. */
  mustChangePassword: boolean;
}

/** An active account with its password hash, for signing in only. */
export interface SignInAccount extends Account {
  passwordHash: string;
}

export interface NewAccount {
  username: string;
  passwordHash: string;
  fullName: string;
  role: Role;
  agencyId: string | null;
  title?: string | null;
}

/** An account's row as ACCOUNT_COLUMNS reads it (users `u` joined to its agency `a`). */
export interface AccountRow {
  id: string;
  username: string;
  full_name: string;
  role: Role;
  agency_id: string | null;
  province_code: string | null;
  title: string | null;
  must_change_password: boolean;
}

/**
 * The account's columns, from `users u LEFT JOIN agencies a ON a.id = u.agency_id`: read here, and by the guard's one
 * query that reads a session with its account (auth/sessions/sessions.service.ts), mapped by `mapAccount`.
 */
export const ACCOUNT_COLUMNS = `u.id, u.username, u.full_name, u.role, u.agency_id, a.province_code, u.title, u.must_change_password`;

/**
 * The `users` table as the rest of the product reads and writes it (writes in the caller's transaction): sign-in,
 * `npm run user:create`, the demo seed, reorganisations. The same folder's account administration
 * (users-admin.service.ts, users-query.service.ts) and single sign-on (sso-accounts.ts) keep their own queries.
 */
@Injectable()
export class UsersService {
  constructor(private readonly dataSource: DataSource) {}

  /** The active account signing in under this (already lower-cased) name, with its password hash. */
  async findActiveByUsername(username: string): Promise<SignInAccount | undefined> {
    const rows: (AccountRow & { password_hash: string })[] = await this.dataSource.query(
      `SELECT ${ACCOUNT_COLUMNS}, u.password_hash FROM users u LEFT JOIN agencies a ON a.id = u.agency_id WHERE u.username = $1 AND u.active`,
      [username],
    );
    return rows[0] && { ...mapAccount(rows[0]), passwordHash: rows[0].password_hash };
  }

  /** Every account, active or not (the demo activity acts as them). */
  async accounts(): Promise<Account[]> {
    const rows: AccountRow[] = await this.dataSource.query(
      `SELECT ${ACCOUNT_COLUMNS} FROM users u LEFT JOIN agencies a ON a.id = u.agency_id`,
    );
    return rows.map(mapAccount);
  }

  /** How records name each of these accounts ("Nguyễn Văn A, Chuyên viên"; users/person-label.ts), by id. */
  async labelsById(ids: readonly (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => !!id))];
    if (!wanted.length) return new Map();
    const rows: { id: string; full_name: string; title: string | null }[] = await this.dataSource.query(
      `SELECT id, full_name, title FROM users WHERE id = ANY($1::uuid[])`,
      [wanted],
    );
    return new Map(rows.map((r) => [r.id, personLabel(r.full_name, r.title)]));
  }

  /** Creates an account; undefined when the username is taken (nothing written). The caller audits. */
  async create(em: EntityManager, account: NewAccount): Promise<string | undefined> {
    const rows: { id: string }[] = await em.query(
      `INSERT INTO users (username, password_hash, full_name, role, agency_id, title) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (username) DO NOTHING RETURNING id`,
      [account.username, account.passwordHash, account.fullName, account.role, account.agencyId, account.title ?? null],
    );
    return rows[0]?.id;
  }

  /** A successful sign-in (password or single sign-on): shown as "last sign-in" on the administrators' list. */
  async recordSignIn(em: EntityManager, id: string): Promise<void> {
    await em.query(`UPDATE users SET last_sign_in_at = now() WHERE id = $1`, [id]);
  }

  /**
   * A new password hash (own change, administrator's reset, temporary password); `mustChange` marks a temporary one.
   * The caller audits and ends the account's sessions (SessionsService.revokeAll) in the same transaction.
   */
  async setPassword(em: EntityManager, id: string, passwordHash: string, mustChange: boolean): Promise<void> {
    await em.query(
      `UPDATE users SET password_hash = $2, must_change_password = $3, version = version + 1, updated_at = now() WHERE id = $1`,
      [id, passwordHash, mustChange],
    );
  }

  /** The stored hash of an active account, to check the current password before a change. */
  async passwordHashOf(id: string): Promise<string | undefined> {
    const rows: { password_hash: string }[] = await this.dataSource.query(`SELECT password_hash FROM users WHERE id = $1 AND active`, [id]);
    return rows[0]?.password_hash;
  }

  /** Accounts of merged agencies pass to the successor (a reorganisation); returns the ids moved. */
  async moveToAgency(em: EntityManager, fromAgencyIds: string[], toAgencyId: string): Promise<string[]> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affectedCount].
    const [moved]: [{ id: string }[], number] = await em.query(
      `UPDATE users SET agency_id = $1, version = version + 1, updated_at = now() WHERE agency_id = ANY($2) RETURNING id`,
      [toAgencyId, fromAgencyIds],
    );
    return moved.map((row) => row.id);
  }
}

export function mapAccount(row: AccountRow): Account {
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    role: row.role,
    agencyId: row.agency_id,
    provinceCode: row.province_code,
    title: row.title,
    mustChangePassword: row.must_change_password,
  };
}
