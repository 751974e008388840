import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '../common/errors/domain-error';
import { setCurrentActor } from '../common/request-context';
import { AccessTokenPayload, AuthUser } from './auth-user';
import { PERMISSION_KEY, PUBLIC_KEY } from './auth.decorators';
import { Permission, roleHas } from './permissions';
import { cookieSettings } from './session-cookies';
import { UsersService } from '../users/users.service';

/** Marks a controller as web pages (src/web): they also accept the session cookie, on every method. */
export const PAGE_KEY = 'capdo:page';

/**
 * Deny by default: a route passes only if it is marked @Public() or declares a permission
 * that the caller's role has. A route with neither is refused for everyone.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: UsersService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets);
    const request = context.switchToHttp().getRequest();
    const user = await this.authenticate(request.headers.authorization ?? this.sessionCookie(request, targets));
    if (!permission || !roleHas(user.role, permission))
      throw new DomainError('FORBIDDEN', 'Tài khoản của bạn không có quyền thực hiện thao tác này.');
    request.user = user;
    return true;
  }

  /**
   * The session cookie stands in for the Authorization header on web pages (which check a CSRF token on every
   * post) and on read-only requests (GET/HEAD: document and report downloads linked from the pages). An unsafe API
   * call never authenticates by cookie, so a cross-site form cannot act through the API.
   */
  private sessionCookie(
    request: { method: string; headers: { cookie?: string } },
    targets: Parameters<Reflector['getAllAndOverride']>[1],
  ): string | undefined {
    const page = this.reflector.getAllAndOverride<boolean>(PAGE_KEY, targets) === true;
    if (!page && request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    // The signed-in browser's access token: the http-only cookie set by the sign-in page (`__Host-` over https).
    const token = readCookie(request.headers.cookie, cookieSettings(request).session);
    return token ? `Bearer ${token}` : undefined;
  }

  private async authenticate(header: string | undefined): Promise<AuthUser> {
    const token = /^Bearer ([A-Za-z0-9._-]+)$/.exec(header ?? '')?.[1];
    if (!token) throw new DomainError('UNAUTHENTICATED', 'Cần đăng nhập để dùng chức năng này.');
    let payload: AccessTokenPayload;
    try {
      payload = await this.jwt.verifyAsync<AccessTokenPayload>(token);
    } catch {
      throw new DomainError('UNAUTHENTICATED', 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.');
    }
    // The account is re-read so that a deactivated user or a changed role takes effect at once.
    const account = await this.users.findActiveById(payload.sub);
    if (!account) throw new DomainError('UNAUTHENTICATED', 'Tài khoản không còn hoạt động. Vui lòng liên hệ quản trị viên.');
    const user: AuthUser = {
      id: account.id,
      username: account.username,
      fullName: account.fullName,
      role: account.role,
      agencyId: account.agencyId,
      provinceCode: account.provinceCode,
      title: account.title,
    };
    setCurrentActor({ id: user.id, username: user.username });
    return user;
  }
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim() || undefined;
  }
  return undefined;
}
