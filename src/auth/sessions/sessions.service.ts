import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { Account, ACCOUNT_COLUMNS, AccountRow, mapAccount } from '../../users/users.service';
import { needsTouch, RevokeReason, SessionKind, sessionState, SessionState, SessionVia } from './session-rules';

export interface NewSession {
  userId: string;
  kind: SessionKind;
  via: SessionVia;
  address?: string;
  userAgent?: string;
  /** The provider's ID token (single sign-on), sent back as `id_token_hint` when its session is ended too. */
  idToken?: string;
}

export interface SessionCheck {
  state: SessionState;
  /** How the session was started: a temporary capdo password binds only password sessions. */
  via?: SessionVia;
  userId?: string;
  /** The session's account as it is now, read in the same query; null when it is deactivated (or gone). */
  account?: Account | null;
}

/** A signed-in browser or client, as the account's page lists it. */
export interface SessionListItem {
  id: string;
  kind: SessionKind;
  via: SessionVia;
  createdAt: Date;
  lastSeenAt: Date;
  address: string | null;
  userAgent: string | null;
}

/** The session and, when it is active, its account's columns (all null for a deactivated or deleted account). */
interface SessionRow extends Omit<AccountRow, 'id'> {
  user_id: string;
  kind: SessionKind;
  via: SessionVia;
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  id: string | null;
}

/** The only owner of `sessions`: started at sign-in, checked by the guard on every request, revoked at once. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** A new session, ending at the latest after JWT_EXPIRES_IN_SECONDS; returns its id (the token's `sid`). */
  async start(em: EntityManager, session: NewSession): Promise<string> {
    const rows: { id: string }[] = await em.query(
      `INSERT INTO sessions (user_id, kind, via, expires_at, address, user_agent, id_token)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4), $5, $6, $7) RETURNING id`,
      [
        session.userId,
        session.kind,
        session.via,
        this.config.JWT_EXPIRES_IN_SECONDS,
        session.address?.slice(0, 64) ?? null,
        session.userAgent?.slice(0, 256) ?? null,
        session.idToken ?? null,
      ],
    );
    return rows[0].id;
  }

  /**
   * Whether the session still counts for this channel (a web session never authenticates an API bearer, and back), with
   * its account as it is now: one query per request, re-read every time so that a revocation, a deactivation or a new
   * role takes effect at once on every instance (the account's columns are the users folder's, `ACCOUNT_COLUMNS`).
   */
  async check(id: string, kind: SessionKind): Promise<SessionCheck> {
    if (!UUID.test(id)) return { state: 'REVOKED' };
    const rows: SessionRow[] = await this.dataSource.query(
      `SELECT s.user_id, s.kind, s.via, s.last_seen_at, s.expires_at, s.revoked_at, ${ACCOUNT_COLUMNS}
         FROM sessions s
         LEFT JOIN users u ON u.id = s.user_id AND u.active
         LEFT JOIN agencies a ON a.id = u.agency_id
        WHERE s.id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row || row.kind !== kind) return { state: 'REVOKED' };
    const now = new Date();
    const state = sessionState(
      { lastSeenAt: row.last_seen_at, expiresAt: row.expires_at, revokedAt: row.revoked_at },
      now,
      this.config.SESSION_IDLE_MINUTES,
    );
    if (state === 'ACTIVE' && needsTouch(row.last_seen_at, now)) {
      await this.dataSource.query(`UPDATE sessions SET last_seen_at = now() WHERE id = $1 AND revoked_at IS NULL`, [id]);
    }
    const account = row.id === null ? null : mapAccount({ ...row, id: row.id });
    return { state, userId: row.user_id, via: row.via, account };
  }

  /** Ends one session (signing out); returns the provider's ID token it was started with, if any. */
  async revoke(em: EntityManager, id: string, reason: RevokeReason): Promise<{ idToken: string | null } | undefined> {
    const [rows]: [{ id_token: string | null }[], number] = await em.query(
      `UPDATE sessions SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id_token`,
      [id, reason],
    );
    return rows[0] && { idToken: rows[0].id_token };
  }

  /** Ends every session of an account (but `keep`, the one changing its own password); returns how many ended. */
  async revokeAll(em: EntityManager, userId: string, reason: RevokeReason, keep?: string): Promise<number> {
    const [, count]: [unknown[], number] = await em.query(
      `UPDATE sessions SET revoked_at = now(), revoked_reason = $2
        WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now() AND ($3::uuid IS NULL OR id <> $3::uuid)`,
      [userId, reason, keep ?? null],
    );
    return count;
  }

  /** The account's sessions that still count, newest first. */
  async activeFor(userId: string): Promise<SessionListItem[]> {
    const rows: {
      id: string;
      kind: SessionKind;
      via: SessionVia;
      created_at: Date;
      last_seen_at: Date;
      address: string | null;
      user_agent: string | null;
    }[] = await this.dataSource.query(
      `SELECT id, kind, via, created_at, last_seen_at, address, user_agent FROM sessions
        WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()
          AND last_seen_at > now() - make_interval(mins => $2)
        ORDER BY last_seen_at DESC`,
      [userId, this.config.SESSION_IDLE_MINUTES],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      via: r.via,
      createdAt: r.created_at,
      lastSeenAt: r.last_seen_at,
      address: r.address,
      userAgent: r.user_agent,
    }));
  }

  /** Sessions ended more than 30 days ago are forgotten (the audit log keeps the sign-ins and sign-outs). */
  async prune(): Promise<void> {
    await this.dataSource.query(`DELETE FROM sessions WHERE expires_at < now() - interval '30 days'`);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
