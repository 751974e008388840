import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth-user';
import { hashPassword } from '../auth/password';
import { passwordProblem } from '../auth/password-policy';
import { SessionsService } from '../auth/sessions/sessions.service';
import { DomainError, notFound, versionConflict } from '../common/errors/domain-error';
import { roleAgencyProblem, temporaryPassword, USERNAME_RULE, normaliseUsername } from './account-rules';
import {
  AccountDto,
  CreateAccountDto,
  CreatedAccountDto,
  SessionsEndedDto,
  TemporaryPasswordDto,
  UpdateAccountDto,
} from './dto/account.dto';
import { UsersQueryService } from './users-query.service';
import { UsersService } from './users.service';
import { Role } from './role';
import { mayAssign, mayManage, selfOrLastAdminRefusal } from './user-scope';

export type CreateAccountInput = Pick<CreateAccountDto, 'username' | 'fullName' | 'role'> &
  Partial<Pick<CreateAccountDto, 'title' | 'email' | 'agencyId'>>;
export type UpdateAccountInput = Pick<UpdateAccountDto, 'version'> &
  Partial<Pick<UpdateAccountDto, 'fullName' | 'title' | 'email' | 'role' | 'agencyId'>>;

/** A new account ready to be written, with its temporary password. */
export interface PreparedAccount {
  username: string;
  fullName: string;
  title: string | null;
  email: string | null;
  role: Role;
  agencyId: string | null;
  temporaryPassword: string;
}

const forbidden = (detail: string) => new DomainError('FORBIDDEN', detail);
const HEAD_ONLY_OFFICERS =
  'Lãnh đạo cơ quan, đơn vị chỉ quản lý tài khoản cán bộ của cơ quan mình; không giao vai trò khác hay chuyển sang cơ quan khác.';

/**
 * Creating and changing accounts (issue 22): each use case in one transaction with its audit row ('user'; never a
 * password or a hash). Deactivation, a password reset and a change of role end the account's sessions at once.
 */
@Injectable()
export class UsersAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
    private readonly queries: UsersQueryService,
    private readonly users: UsersService,
  ) {}

  /** A new account with a temporary password, returned this once (the account must change it at its first sign-in). */
  async create(actor: AuthUser, input: CreateAccountInput): Promise<CreatedAccountDto> {
    const prepared = await this.prepare(this.dataSource.manager, actor, input);
    return this.dataSource.transaction(async (em) => {
      const user = await this.insert(em, prepared);
      if (!user) throw new DomainError('DUPLICATE', `Tên đăng nhập ${prepared.username} đã được dùng.`, { username: ['đã được dùng'] });
      return { user, temporaryPassword: prepared.temporaryPassword };
    });
  }

  /**
   * Checks a new account against the rules and the actor's scope, and picks its temporary password; throws the first
   * refusal (FORBIDDEN, or VALIDATION_FAILED with field errors). Nothing is written.
   */
  async prepare(em: EntityManager, actor: AuthUser, input: CreateAccountInput): Promise<PreparedAccount> {
    const username = normaliseUsername(input.username);
    if (!username) throw invalid('username', USERNAME_RULE);
    // An agency's head creates officers of its own agency; it need not name the agency.
    const agencyId = input.agencyId ?? (actor.role === 'AGENCY_HEAD' ? actor.agencyId : null);
    if (mayAssign(actor, { role: input.role, agencyId }) !== 'ALLOWED') throw forbidden(HEAD_ONLY_OFFICERS);
    const problem = roleAgencyProblem(input.role, agencyId);
    if (problem) throw invalid('agencyId', problem);
    if (agencyId) await this.assertActiveAgency(em, agencyId);
    const account = {
      username,
      fullName: input.fullName.trim().normalize('NFC'),
      title: input.title?.trim() || null,
      email: input.email?.trim() || null,
      role: input.role,
      agencyId,
    };
    return { ...account, temporaryPassword: acceptableTemporaryPassword(account) };
  }

  /** Writes a prepared account (must change its password) with its audit row; undefined when the username is taken. */
  async insert(em: EntityManager, account: PreparedAccount, passwordHash?: string): Promise<AccountDto | undefined> {
    passwordHash ??= await hashPassword(account.temporaryPassword);
    const rows: { id: string }[] = await em.query(
      `INSERT INTO users (username, password_hash, full_name, title, email, role, agency_id, must_change_password)
       VALUES ($1, $2, $3, $4, $5, $6, $7, true) ON CONFLICT (username) DO NOTHING RETURNING id`,
      [account.username, passwordHash, account.fullName, account.title, account.email, account.role, account.agencyId],
    );
    if (!rows[0]) return undefined;
    const user = await this.mustFind(em, rows[0].id);
    await this.audit.record(em, { action: 'CREATE', entityType: 'user', entityId: user.id, after: audited(user) });
    return user;
  }

  /** Name, title, e-mail; and, for administrators, role and agency. With the version read (else VERSION_CONFLICT). */
  update(actor: AuthUser, id: string, input: UpdateAccountInput): Promise<AccountDto> {
    return this.dataSource.transaction(async (em) => {
      const current = await this.managed(em, actor, id);
      if (current.version !== input.version) throw versionConflict();
      const role = input.role ?? current.role;
      const agencyId = input.agencyId === undefined ? current.agencyId : input.agencyId;
      const moves = role !== current.role || agencyId !== current.agencyId;
      if (moves && mayAssign(actor, { role, agencyId }) !== 'ALLOWED') throw forbidden(HEAD_ONLY_OFFICERS);
      if (role !== current.role) await this.assertNotSelfOrLastAdmin(em, actor, current, { role });
      const problem = roleAgencyProblem(role, agencyId);
      if (problem) throw invalid('agencyId', problem);
      if (agencyId && agencyId !== current.agencyId) await this.assertActiveAgency(em, agencyId);
      await em.query(
        `UPDATE users SET full_name = $2, title = $3, email = $4, role = $5, agency_id = $6, version = version + 1, updated_at = now()
          WHERE id = $1`,
        [
          id,
          input.fullName ?? current.fullName,
          input.title === undefined ? current.title : input.title,
          input.email === undefined ? current.email : input.email,
          role,
          agencyId,
        ],
      );
      // The guard re-reads the account on every request; sessions still end, so a new role starts from a new sign-in.
      if (role !== current.role) await this.sessions.revokeAll(em, id, 'ROLE_CHANGED');
      const after = await this.mustFind(em, id);
      await this.audit.record(em, { action: 'UPDATE', entityType: 'user', entityId: id, before: audited(current), after: audited(after) });
      return after;
    });
  }

  /** Locks the account and ends every session at once. */
  deactivate(actor: AuthUser, id: string): Promise<AccountDto> {
    return this.dataSource.transaction(async (em) => {
      const current = await this.managed(em, actor, id);
      if (!current.active) return current;
      await this.assertNotSelfOrLastAdmin(em, actor, current, { deactivate: true });
      await this.setActive(em, id, false);
      const sessionsEnded = await this.sessions.revokeAll(em, id, 'DEACTIVATED');
      const after = await this.mustFind(em, id);
      await this.audit.record(em, {
        action: 'DEACTIVATE',
        entityType: 'user',
        entityId: id,
        before: { active: true },
        after: { active: false, sessionsEnded },
      });
      return after;
    });
  }

  reactivate(actor: AuthUser, id: string): Promise<AccountDto> {
    return this.dataSource.transaction(async (em) => {
      const current = await this.managed(em, actor, id);
      if (current.active) return current;
      await this.setActive(em, id, true);
      const after = await this.mustFind(em, id);
      await this.audit.record(em, {
        action: 'REACTIVATE',
        entityType: 'user',
        entityId: id,
        before: { active: false },
        after: { active: true },
      });
      return after;
    });
  }

  /** A new temporary password (shown this once), to be changed at the next sign-in; every session ends. */
  resetPassword(actor: AuthUser, id: string): Promise<TemporaryPasswordDto> {
    return this.dataSource.transaction(async (em) => {
      const current = await this.managed(em, actor, id);
      const password = acceptableTemporaryPassword(current);
      await this.users.setPassword(em, id, await hashPassword(password), true);
      const sessionsEnded = await this.sessions.revokeAll(em, id, 'PASSWORD_RESET');
      await this.audit.record(em, {
        action: 'PASSWORD_RESET',
        entityType: 'user',
        entityId: id,
        after: { mustChangePassword: true, sessionsEnded },
      });
      return { temporaryPassword: password };
    });
  }

  /** Ends every session of the account at once (a lost laptop, a shared computer). */
  signOutEverywhere(actor: AuthUser, id: string): Promise<SessionsEndedDto> {
    return this.dataSource.transaction(async (em) => {
      await this.managed(em, actor, id);
      const sessionsEnded = await this.sessions.revokeAll(em, id, 'SIGNED_OUT_EVERYWHERE');
      await this.audit.record(em, { action: 'SIGN_OUT_EVERYWHERE', entityType: 'user', entityId: id, after: { sessionsEnded } });
      return { sessionsEnded };
    });
  }

  /** The account, locked for this transaction, when the actor may change it: 404 out of sight, 403 not its to change. */
  private async managed(em: EntityManager, actor: AuthUser, id: string): Promise<AccountDto> {
    const account = await this.queries.details(em, id, true);
    const verdict = account ? mayManage(actor, account) : 'NOT_FOUND';
    if (!account || verdict === 'NOT_FOUND') throw notFound('Không tìm thấy tài khoản.');
    if (verdict === 'FORBIDDEN') throw forbidden(HEAD_ONLY_OFFICERS);
    return account;
  }

  private async assertNotSelfOrLastAdmin(
    em: EntityManager,
    actor: AuthUser,
    account: AccountDto,
    change: { deactivate?: boolean; role?: Role },
  ): Promise<void> {
    // The active administrators are locked, so two of them cannot each remove the other at the same moment.
    const admins: { id: string }[] =
      account.role === 'ADMIN' ? await em.query(`SELECT id FROM users WHERE role = 'ADMIN' AND active ORDER BY id FOR UPDATE`) : [];
    const refusal = selfOrLastAdminRefusal(actor.id, account, change, admins.length);
    if (refusal === 'SELF')
      throw new DomainError(
        'ACCOUNT_SELF_CHANGE',
        'Không thể tự khóa hoặc tự đổi vai trò tài khoản của chính mình; hãy nhờ một quản trị viên khác.',
      );
    if (refusal === 'LAST_ADMIN')
      throw new DomainError(
        'LAST_ACTIVE_ADMIN',
        'Đây là quản trị viên cuối cùng đang hoạt động; hãy tạo hoặc mở lại một quản trị viên khác trước.',
      );
  }

  private async assertActiveAgency(em: EntityManager, agencyId: string): Promise<void> {
    const rows: { status: string }[] = await em.query(`SELECT status FROM agencies WHERE id = $1`, [agencyId]);
    if (!rows[0]) throw invalid('agencyId', 'không có cơ quan, đơn vị này');
    if (rows[0].status !== 'ACTIVE') throw invalid('agencyId', 'cơ quan, đơn vị đã sáp nhập hoặc giải thể');
  }

  private async setActive(em: EntityManager, id: string, active: boolean): Promise<void> {
    await em.query(`UPDATE users SET active = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, active]);
  }

  private async mustFind(em: EntityManager, id: string): Promise<AccountDto> {
    const account = await this.queries.details(em, id);
    if (!account) throw notFound('Không tìm thấy tài khoản.');
    return account;
  }
}

const invalid = (field: string, message: string) =>
  new DomainError('VALIDATION_FAILED', `Thông tin tài khoản chưa hợp lệ: ${message}.`, { [field]: [message] });

/** A temporary password the password policy accepts for this account (a random one nearly always is at once). */
function acceptableTemporaryPassword(owner: { username: string; fullName: string; email: string | null }): string {
  for (;;) {
    const password = temporaryPassword();
    if (!passwordProblem(password, owner)) return password;
  }
}

/** What the audit log keeps of an account: its details, never a password or a hash (AccountDto holds neither). */
function audited(account: AccountDto): object {
  const { lastSignInAt: _lastSignInAt, createdAt: _createdAt, ...kept } = account;
  return kept;
}
