/**
 * The queries single sign-on runs on `users` (issue 22; the users folder owns the table, src/auth/oidc calls these in
 * its transaction): the account a provider identity matches, creating one from the claims, linking and updating it.
 */
import { EntityManager } from 'typeorm';
import type { Role } from './role';

export interface SsoAccountRow {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  role: Role;
  agencyId: string | null;
  active: boolean;
  oidcSubject: string | null;
}

export interface NewSsoAccount {
  username: string;
  /** A hash of a random password nobody knows: the account signs in through the provider only, until a reset. */
  passwordHash: string;
  fullName: string;
  email: string | null;
  role: Role;
  agencyId: string | null;
  subject: string;
}

export interface SsoAccountChanges {
  fullName?: string;
  email?: string | null;
  role?: Role;
  agencyId?: string | null;
  subject?: string;
}

const COLUMNS = `id, username, full_name AS "fullName", email, role, agency_id AS "agencyId", active, oidc_subject AS "oidcSubject"`;

/** The account linked to this subject; else the one with this username (linked or not: the caller decides). */
export async function findSsoAccount(em: EntityManager, subject: string, username: string): Promise<SsoAccountRow | undefined> {
  const rows: SsoAccountRow[] = await em.query(
    `SELECT ${COLUMNS} FROM users WHERE oidc_subject = $1 OR username = $2 ORDER BY (oidc_subject = $1) IS TRUE DESC LIMIT 1 FOR UPDATE`,
    [subject, username],
  );
  return rows[0];
}

/** The active agency with this code (the provider's agency claim), if capdo has one. */
export async function activeAgencyByCode(em: EntityManager, code: string): Promise<{ id: string } | undefined> {
  const rows: { id: string }[] = await em.query(`SELECT id FROM agencies WHERE code = $1 AND status = 'ACTIVE'`, [code]);
  return rows[0];
}

/** Creates the account of a first sign-in; undefined when the username or subject was taken meanwhile. */
export async function createSsoAccount(em: EntityManager, account: NewSsoAccount): Promise<string | undefined> {
  const rows: { id: string }[] = await em.query(
    `INSERT INTO users (username, password_hash, full_name, email, role, agency_id, oidc_subject)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING id`,
    [account.username, account.passwordHash, account.fullName, account.email, account.role, account.agencyId, account.subject],
  );
  return rows[0]?.id;
}

/** Links the subject and brings name, e-mail, role and agency in line with the provider. */
export async function updateSsoAccount(em: EntityManager, id: string, changes: SsoAccountChanges): Promise<void> {
  await em.query(
    `UPDATE users SET
        full_name = COALESCE($2, full_name),
        email = CASE WHEN $3::boolean THEN $4 ELSE email END,
        role = COALESCE($5, role),
        agency_id = CASE WHEN $6::boolean THEN $7::uuid ELSE agency_id END,
        oidc_subject = COALESCE($8, oidc_subject),
        version = version + 1, updated_at = now()
      WHERE id = $1`,
    [
      id,
      changes.fullName ?? null,
      'email' in changes,
      changes.email ?? null,
      changes.role ?? null,
      'agencyId' in changes,
      changes.agencyId ?? null,
      changes.subject ?? null,
    ],
  );
}
