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
import { UsersService } from '../users/users.service';

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
  ) {}

  /**
   * The active user a session token belongs to, or undefined: for the one page no route guards (an unknown address's
   * 404 page shows the menu to a signed-in user). The same checks as AuthGuard: a valid token, an active account.
   */
  async sessionUser(token: string | undefined): Promise<AuthUser | undefined> {
    if (!token) return undefined;
    const payload = await this.jwt.verifyAsync<AccessTokenPayload>(token).catch(() => undefined);
    const account = payload?.sub ? await this.users.findActiveById(payload.sub) : undefined;
    if (!account) return undefined;
    const { id, username, fullName, role, agencyId, provinceCode, title } = account;
    return { id, username, fullName, role, agencyId, provinceCode, title };
  }

  /**
   * Throttled per client address and per (address, username), never per username alone (login-throttle.ts);
   * every attempt whose password is checked, and the first refused one of each block, goes to the audit log.
   */
  async login({ username, password }: LoginDto, client: SignInClient): Promise<LoginResponseDto> {
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
    setCurrentActor({ id: row.id, username: row.username });
    await this.dataSource.transaction(async (em) => {
      await this.throttle.succeeded(em, bucket, name);
      await this.recordAttempt(em, 'SIGN_IN', name, client, row.id);
    });
    const payload: AccessTokenPayload = { sub: row.id, username: row.username, role: row.role };
    return {
      accessToken: await this.jwt.signAsync(payload),
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
