import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts a province administers itself and sessions that end when they should (issue 22):
 * - `users`: the last sign-in, a temporary password that must be changed before anything else, and the subject the
 *   province's identity provider (OpenID Connect) knows the person by.
 * - `sessions`: one row per signed-in browser or API client; the guard checks it on every request, so signing out, a
 *   password change or reset, deactivation and "sign out everywhere" end it at once. `kind` keeps the web cookie and API
 *   tokens apart; `id_token` is the provider's ID token, sent back when the provider's session is ended too.
 * - `oidc_sign_ins`: a single sign-on in progress (state, nonce, PKCE verifier), kept server-side for ten minutes.
 * - `oidc_role_mappings`: which provider role or group gives which capdo role, edited by the administrator.
 */
export class AccountsAndSessions1764180000000 implements MigrationInterface {
  name = 'AccountsAndSessions1764180000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN last_sign_in_at timestamptz`);
    await q.query(`ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE users ADD COLUMN oidc_subject varchar(255)`);
    await q.query(`CREATE UNIQUE INDEX users_oidc_subject_key ON users (oidc_subject) WHERE oidc_subject IS NOT NULL`);
    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind varchar(8) NOT NULL CHECK (kind IN ('WEB', 'API')),
        via varchar(8) NOT NULL CHECK (via IN ('PASSWORD', 'OIDC')),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason varchar(32),
        address varchar(64),
        user_agent varchar(256),
        id_token text
      )`);
    await q.query(`CREATE INDEX sessions_user_active_idx ON sessions (user_id) WHERE revoked_at IS NULL`);
    await q.query(`CREATE INDEX sessions_expires_idx ON sessions (expires_at)`);
    await q.query(`
      CREATE TABLE oidc_sign_ins (
        state varchar(128) PRIMARY KEY,
        nonce varchar(128) NOT NULL,
        code_verifier varchar(128) NOT NULL,
        next_path varchar(512) NOT NULL DEFAULT '/',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE oidc_role_mappings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        claim_value varchar(255) NOT NULL UNIQUE,
        role varchar(20) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE oidc_role_mappings`);
    await q.query(`DROP TABLE oidc_sign_ins`);
    await q.query(`DROP TABLE sessions`);
    await q.query(`DROP INDEX users_oidc_subject_key`);
    await q.query(`ALTER TABLE users DROP COLUMN oidc_subject`);
    await q.query(`ALTER TABLE users DROP COLUMN must_change_password`);
    await q.query(`ALTER TABLE users DROP COLUMN last_sign_in_at`);
  }
}
