import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, migrate } from './data-source';
import { MIGRATION_LOCK, withStartupLock } from './startup-lock';

/**
 * Least privilege in the database (issue 16, point 7). The application connects as an ordinary role (`capdo_app`:
 * NOSUPERUSER NOCREATEDB NOCREATEROLE, no `pg_read_server_files` or other predefined power) that owns its tables and
 * runs the migrations, but not the audit trail: after migrations an administrator connection makes `audit_log` and
 * its append-only trigger function belong to `capdo_audit` (NOLOGIN) and grants the application SELECT and INSERT
 * only. The application can then neither UPDATE, DELETE nor TRUNCATE audit rows, nor ALTER the table, DISABLE its
 * triggers or DROP it. It does not own the database nor the `public` schema either (a schema's owner may drop any
 * table in it): both stay with the administrator, and the application gets CONNECT, TEMPORARY and CREATE (for
 * pg-boss's schema and trusted extensions such as pg_trgm) on the database, USAGE and CREATE on `public`.
 *
 * Every step is idempotent and checks the catalogue first, so a start with nothing to change costs a few queries.
 * It also adopts tables that another role owns (a data directory from before this change, or a restore made by the
 * administrator): they become the application's, the audit log excepted.
 */
export const AUDIT_OWNER_ROLE = 'capdo_audit';
export const DEFAULT_APP_ROLE = 'capdo_app';

/** Where the application's objects live: its own tables, and pg-boss's job tables (see notifications/jobs.service.ts). */
const APP_SCHEMAS = ['public', 'pgboss'];
const AUDIT_TABLE = 'public.audit_log';
const AUDIT_FUNCTION = 'public.audit_log_append_only()';
/** Object ids below this are PostgreSQL's own (FirstNormalObjectId): the predefined roles such as pg_read_server_files. */
const FIRST_USER_OID = 16384;

export interface DatabaseUrls {
  /** What the application connects with. */
  app: string;
  /** A superuser (or a CREATEROLE role owning the database) that sets the roles up; absent: no hardening. */
  admin?: string;
}

interface AppRole {
  user: string;
  password?: string;
}

function appRoleOf(appUrl: string): AppRole {
  const url = new URL(appUrl);
  return { user: decodeURIComponent(url.username), password: url.password ? decodeURIComponent(url.password) : undefined };
}

/** Migrations with the application's own credentials; the administrator prepares the roles before and seals the audit log after. */
export async function migrateDatabase(urls: DatabaseUrls): Promise<string[]> {
  // Several instances starting at once on one database: one at a time, or their GRANTs, ownership changes and
  // migrations on the same objects deadlock.
  return withStartupLock(urls.admin ?? urls.app, MIGRATION_LOCK, () => (urls.admin ? migrateAs(urls.admin, urls.app) : migrate(urls.app)));
}

async function migrateAs(adminUrl: string, appUrl: string): Promise<string[]> {
  const admin = new Client({ connectionString: adminUrl, application_name: 'capdo-bootstrap' });
  await admin.connect();
  try {
    const app = appRoleOf(appUrl);
    await prepareAppRole(admin, app);
    const dataSource = await new DataSource(dataSourceOptions(appUrl, 1)).initialize();
    let applied: string[] = [];
    try {
      if (await dataSource.showMigrations()) {
        // A pending migration may have to alter the audit log: the application owns it for the migrations' duration.
        await setAuditOwner(admin, app.user);
        applied = (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
      }
    } finally {
      await dataSource.destroy();
      await sealAuditLog(admin, app.user);
    }
    return applied;
  } finally {
    await admin.end();
  }
}

/** Creates the two roles when missing, takes superuser-like powers away from the application, grants what it needs. */
export async function prepareAppRole(admin: Client, app: AppRole): Promise<void> {
  const id = (name: string) => admin.escapeIdentifier(name);
  const { rows: me } = await admin.query<{ user: string; superuser: boolean; database: string }>(
    `SELECT current_user AS user, rolsuper AS superuser, current_database() AS database FROM pg_roles WHERE rolname = current_user`,
  );
  if (me[0].user === app.user) throw new Error(`Tài khoản quản trị và tài khoản ứng dụng phải khác nhau (cả hai là ${app.user}).`);
  const { rows: roles } = await admin.query<{
    rolname: string;
    rolsuper: boolean;
    rolcreaterole: boolean;
    rolcreatedb: boolean;
    rolreplication: boolean;
    rolbypassrls: boolean;
  }>(`SELECT rolname, rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls FROM pg_roles WHERE rolname = ANY($1)`, [
    [app.user, AUDIT_OWNER_ROLE],
  ]);
  const existing = new Map(roles.map((r) => [r.rolname, r]));
  if (!existing.has(AUDIT_OWNER_ROLE)) await admin.query(`CREATE ROLE ${id(AUDIT_OWNER_ROLE)} NOLOGIN`);
  const limits = 'NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS';
  const password = app.password === undefined ? '' : ` PASSWORD ${admin.escapeLiteral(app.password)}`;
  const appRole = existing.get(app.user);
  if (!appRole) await admin.query(`CREATE ROLE ${id(app.user)} LOGIN ${limits}${password}`);
  else if (appRole.rolsuper || appRole.rolcreaterole || appRole.rolcreatedb || appRole.rolreplication || appRole.rolbypassrls || password) {
    await admin.query(`ALTER ROLE ${id(app.user)} LOGIN ${limits}${password}`);
  }
  const { rows: powers } = await admin.query<{ role: string }>(
    `SELECT m.roleid::regrole::text AS role FROM pg_auth_members m WHERE m.member = $1::regrole AND m.roleid < ${FIRST_USER_OID}`,
    [app.user],
  );
  for (const { role } of powers) await admin.query(`REVOKE ${role} FROM ${id(app.user)}`);
  // A role that is not a superuser may hand an object over only between roles it belongs to.
  if (!me[0].superuser) {
    const { rows: missing } = await admin.query<{ role: string }>(
      `SELECT r.rolname AS role FROM pg_roles r WHERE r.rolname = ANY($1) AND NOT pg_has_role(current_user, r.oid, 'MEMBER')`,
      [[app.user, AUDIT_OWNER_ROLE]],
    );
    for (const { role } of missing) await admin.query(`GRANT ${id(role)} TO CURRENT_USER`);
  }

  const { rows: owners } = await admin.query<{ owns_database: boolean; owns_public: boolean }>(
    `SELECT d.datdba = $1::regrole AS owns_database, n.nspowner = $1::regrole AS owns_public
       FROM pg_database d, pg_namespace n WHERE d.datname = current_database() AND n.nspname = 'public'`,
    [app.user],
  );
  if (owners[0].owns_database) await admin.query(`ALTER DATABASE ${id(me[0].database)} OWNER TO CURRENT_USER`);
  if (owners[0].owns_public) await admin.query(`ALTER SCHEMA public OWNER TO pg_database_owner`);
  await grantDatabaseToApp(admin, me[0].database, app.user);
  await admin.query(`GRANT USAGE, CREATE ON SCHEMA public TO ${id(app.user)}`);
  await adoptObjects(admin, app.user);
}

/**
 * Database-level rights, which `CREATE DATABASE … TEMPLATE` does not copy: connect, temporary tables, and CREATE
 * for the schema pg-boss makes at its first start.
 */
export async function grantDatabaseToApp(admin: Client, database: string, appUser: string): Promise<void> {
  await admin.query(
    `GRANT CONNECT, TEMPORARY, CREATE ON DATABASE ${admin.escapeIdentifier(database)} TO ${admin.escapeIdentifier(appUser)}`,
  );
}

/**
 * Hands the application every table, view, sequence, function, type and schema of its schemas that another role
 * owns (extension members, sequences that belong to a table, and the audit log excepted).
 */
async function adoptObjects(admin: Client, appUser: string): Promise<void> {
  const { rows } = await admin.query<{ statement: string }>(
    `WITH app AS (SELECT $1::regrole::oid AS oid),
          audit AS (SELECT to_regclass('${AUDIT_TABLE}') AS tab, to_regprocedure('${AUDIT_FUNCTION}') AS fn),
          members AS (SELECT classid, objid FROM pg_depend WHERE deptype = 'e')
     SELECT format('ALTER %s %s OWNER TO %I', kind, name, $1::text) AS statement FROM (
       SELECT CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END AS kind,
              c.oid::regclass::text AS name
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, app, audit
        WHERE n.nspname = ANY($2) AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND c.relowner <> app.oid
          AND c.oid IS DISTINCT FROM audit.tab
          AND (c.oid, 'pg_class'::regclass::oid) NOT IN (SELECT objid, classid FROM members)
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i'))
       UNION ALL
       SELECT CASE p.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END, p.oid::regprocedure::text
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace, app, audit
        WHERE n.nspname = ANY($2) AND p.proowner <> app.oid AND p.oid IS DISTINCT FROM audit.fn
          AND (p.oid, 'pg_proc'::regclass::oid) NOT IN (SELECT objid, classid FROM members)
       UNION ALL
       SELECT CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, t.oid::regtype::text
         FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace, app
        WHERE n.nspname = ANY($2) AND t.typowner <> app.oid AND t.typtype IN ('e', 'd') AND t.typelem = 0
          AND (t.oid, 'pg_type'::regclass::oid) NOT IN (SELECT objid, classid FROM members)
       UNION ALL
       SELECT 'SCHEMA', quote_ident(n.nspname) FROM pg_namespace n, app WHERE n.nspname = ANY($2) AND n.nspname <> 'public' AND n.nspowner <> app.oid
     ) AS foreign_owned`,
    [appUser, APP_SCHEMAS],
  );
  for (const { statement } of rows) await admin.query(statement);
}

async function setAuditOwner(admin: Client, owner: string): Promise<boolean> {
  const { rows } = await admin.query<{ tab: string | null; fn: string | null }>(
    `SELECT to_regclass('${AUDIT_TABLE}')::text AS tab, to_regprocedure('${AUDIT_FUNCTION}')::text AS fn`,
  );
  if (!rows[0].tab) return false;
  await admin.query(`ALTER TABLE ${AUDIT_TABLE} OWNER TO ${admin.escapeIdentifier(owner)}`);
  if (rows[0].fn) await admin.query(`ALTER FUNCTION ${AUDIT_FUNCTION} OWNER TO ${admin.escapeIdentifier(owner)}`);
  return true;
}

/**
 * The audit log (and, with it, its identity sequence and its append-only trigger function) belongs to
 * `capdo_audit`; the application may read and append, nothing else. A migration that must later alter the table
 * runs through `migrateDatabase`, which hands it to the application for the migrations' duration and back.
 */
export async function sealAuditLog(admin: Client, appUser: string): Promise<void> {
  // Already sealed: change nothing (ALTER TABLE would wait for every transaction that is appending to the log).
  const { rows: state } = await admin.query<{ sealed: boolean | null }>(
    `SELECT c.relowner = $1::regrole AND p.proowner = $1::regrole
            AND has_table_privilege($2, c.oid, 'SELECT') AND has_table_privilege($2, c.oid, 'INSERT') AND NOT has_table_privilege($2, c.oid, 'UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER') AS sealed
       FROM pg_class c, pg_proc p WHERE c.oid = to_regclass('${AUDIT_TABLE}') AND p.oid = to_regprocedure('${AUDIT_FUNCTION}')`,
    [AUDIT_OWNER_ROLE, appUser],
  );
  if (state[0]?.sealed) return;
  if (!(await setAuditOwner(admin, AUDIT_OWNER_ROLE))) return;
  const app = admin.escapeIdentifier(appUser);
  await admin.query(`REVOKE ALL ON TABLE ${AUDIT_TABLE} FROM PUBLIC, ${app}`);
  await admin.query(`GRANT SELECT, INSERT ON TABLE ${AUDIT_TABLE} TO ${app}`);
  const { rows } = await admin.query<{ seq: string | null }>(`SELECT pg_get_serial_sequence('${AUDIT_TABLE}', 'id') AS seq`);
  if (rows[0].seq) await admin.query(`GRANT USAGE ON SEQUENCE ${rows[0].seq} TO ${app}`);
}
