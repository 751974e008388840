import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../config/app-config';
import { DomainError } from '../common/errors/domain-error';
import { setCurrentActor } from '../common/request-context';
import { AccessTokenPayload, AuthUser } from './auth-user';
import { LoginDto, LoginResponseDto } from './dto/login.dto';
import { clientBucket } from './login-throttle';
import { LoginThrottleService } from './login-throttle.service';
import { dummyPasswordHash, verifyPassword } from './password';
import { Account, UsersService } from '../users/users.service';
import { SESSION_ENDED_MESSAGES, SessionKind, SessionVia } from './sessions/session-rules';
import { SessionsService } from './sessions/sessions.service';

/** Who is signing in, as the HTTP layer saw it (the address after TRUST_PROXY). */
export interface SignInClient {
  address: string | undefined;
  userAgent: string | undefined;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
  ) {}

  /**
   * The active user a web session cookie belongs to, or undefined: for the one page no route guards (an unknown
   * address's 404 page shows the menu to a signed-in user). The same checks as AuthGuard.
   */
  async sessionUser(token: string | undefined): Promise<AuthUser | undefined> {
    return token ? this.authenticate(token, 'WEB').catch(() => undefined) : undefined;
  }

  /**
   * The signed-in user behind a token presented on a channel (`WEB`: the cookie, `API`: the bearer header): a valid
   * signature, a token of that channel, its session neither revoked, idle nor past its lifetime, an active account.
   */
  async authenticate(token: string, kind: SessionKind): Promise<AuthUser> {
    let payload: AccessTokenPayload;
    try {
      payload = await this.jwt.verifyAsync<AccessTokenPayload>(token);
    } catch {
      throw new DomainError('UNAUTHENTICATED', 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.');
    }
    if (typeof payload.sid !== 'string' || payload.kind !== kind.toLowerCase())
      throw new DomainError('UNAUTHENTICATED', 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.');
    const session = await this.sessions.check(payload.sid, kind);
    if (session.state !== 'ACTIVE' || session.userId !== payload.sub) {
      const ended = session.state === 'ACTIVE' ? 'REVOKED' : session.state;
      // `sessionEnded` (REVOKED, IDLE, EXPIRED) lets the sign-in page say why the person is asked to sign in again.
      throw new DomainError('UNAUTHENTICATED', SESSION_ENDED_MESSAGES[ended], undefined, { sessionEnded: ended });
    }
    // The account comes with the session, read in the same query on every request (sessions.service.ts), so that a
    // deactivated user or a changed role takes effect at once.
    const account = session.account;
    if (!account) throw new DomainError('UNAUTHENTICATED', 'Tài khoản không còn hoạt động. Vui lòng liên hệ quản trị viên.');
    // A temporary capdo password is for signing in with a password: a single sign-on session is not held up by it.
    return {
      ...account,
      sessionId: payload.sid,
      signedInVia: session.via,
      mustChangePassword: account.mustChangePassword && session.via === 'PASSWORD',
    };
  }

  /**
   * A new session for an account that has proved who it is (password or single sign-on), in the caller's transaction:
   * its row, the last sign-in, and the signed token (`sid`, channel) that carries it.
   */
  async issueSession(
    em: EntityManager,
    account: Pick<Account, 'id' | 'username' | 'role'>,
    kind: SessionKind,
    via: SessionVia,
    client: SignInClient,
    idToken?: string,
  ): Promise<string> {
    const sid = await this.sessions.start(em, {
      userId: account.id,
      kind,
      via,
      address: client.address,
      userAgent: client.userAgent,
      idToken,
    });
    await this.users.recordSignIn(em, account.id);
    const payload: AccessTokenPayload = {
      sub: account.id,
      sid,
      kind: kind === 'WEB' ? 'web' : 'api',
      username: account.username,
      role: account.role,
    };
    return this.jwt.signAsync(payload);
  }

  /** Signing out: the session ends at once; returns the provider's ID token when it was a single sign-on. */
  async logout(user: AuthUser): Promise<{ idToken: string | null }> {
    if (!user.sessionId) return { idToken: null };
    const sessionId = user.sessionId;
    return this.dataSource.transaction(async (em) => {
      const ended = await this.sessions.revoke(em, sessionId, 'SIGNED_OUT');
      await this.audit.record(em, { action: 'SIGN_OUT', entityType: 'user', entityId: user.id, after: { username: user.username } });
      return { idToken: ended?.idToken ?? null };
    });
  }

  /**
   * Throttled per client address and per (address, username), never per username alone (login-throttle.ts);
   * every attempt whose password is checked, and the first refused one of each block, goes to the audit log.
   */
  async login({ username, password }: LoginDto, client: SignInClient, kind: SessionKind = 'API'): Promise<LoginResponseDto> {
    const name = username.trim().toLowerCase().slice(0, 64);
    const bucket = clientBucket(client.address);
    const { admission } = await this.throttle.admit(bucket, name, (em) => this.recordAttempt(em, 'SIGN_IN_THROTTLED', name, client, null));
    if (!admission.admitted) {
      const seconds = admission.retryAfterSeconds;
      throw new DomainError(
        'LOGIN_THROTTLED',
        `Đăng nhập sai quá nhiều lần từ địa chỉ này. Vui lòng thử lại sau ${waitText(seconds)}.`,
        undefined,
        {
          retryAfterSeconds: seconds,
        },
      );
    }
    const row = await this.users.findActiveByUsername(name);
    const valid = await verifyPassword(row?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!row || !valid) {
      await this.recordAttempt(this.dataSource.manager, 'SIGN_IN_FAILED', name, client, row?.id ?? null);
      await this.throttle.prune();
      throw new DomainError('INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.');
    }
    // Once single sign-on is on, capdo passwords may be kept for administrators only (break-glass).
    if (this.config.LOCAL_SIGN_IN === 'admins' && row.role !== 'ADMIN')
      throw new DomainError(
        'LOCAL_SIGN_IN_DISABLED',
        'Tài khoản này đăng nhập bằng tài khoản định danh của tỉnh: chọn "Đăng nhập một lần (SSO)".',
      );
    setCurrentActor({ id: row.id, username: row.username });
    const accessToken = await this.dataSource.transaction(async (em) => {
      await this.throttle.succeeded(em, bucket, name);
      await this.recordAttempt(em, 'SIGN_IN', name, client, row.id);
      return this.issueSession(em, row, kind, 'PASSWORD', client);
    });
    // Sessions over for a month are forgotten at sign-ins (the audit log keeps the sign-ins and sign-outs).
    await this.sessions.prune();
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.config.JWT_EXPIRES_IN_SECONDS,
      user: {
        id: row.id,
        username: row.username,
        fullName: row.fullName,
        role: row.role,
        agencyId: row.agencyId,
        provinceCode: row.provinceCode,
        title: row.title,
        mustChangePassword: row.mustChangePassword,
      },
    };
  }

  /** The attempted name (an unknown one too, cut to 64 characters), the address and the browser; never the password. */
  private recordAttempt(
    em: EntityManager,
    action: 'SIGN_IN' | 'SIGN_IN_FAILED' | 'SIGN_IN_THROTTLED',
    name: string,
    client: SignInClient,
    userId: string | null,
  ): Promise<void> {
    return this.audit.record(em, {
      action,
      entityType: 'user',
      entityId: userId ?? name,
      after: {
        username: name,
        knownUser: userId !== null,
        address: client.address?.slice(0, 64) ?? null,
        userAgent: client.userAgent?.slice(0, 256) ?? null,
      },
    });
  }
}

function waitText(seconds: number): string {
  return seconds < 60 ? `${seconds} giây` : `${Math.ceil(seconds / 60)} phút`;
}
