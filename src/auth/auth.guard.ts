import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../common/errors/domain-error';
import { setCurrentActor } from '../common/request-context';
import { AuthUser } from './auth-user';
import { PASSWORD_PENDING_KEY, PERMISSION_KEY, PUBLIC_KEY } from './auth.decorators';
import { AuthService } from './auth.service';
import { Permission, roleHas } from './permissions';
import { cookieSettings } from './session-cookies';

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
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets);
    const request = context.switchToHttp().getRequest();
    const user = await this.authenticate(request, targets);
    if (!permission || !roleHas(user.role, permission))
      throw new DomainError('FORBIDDEN', 'Tài khoản của bạn không có quyền thực hiện thao tác này.');
    if (user.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(PASSWORD_PENDING_KEY, targets))
      throw new DomainError('PASSWORD_CHANGE_REQUIRED', 'Bạn đang dùng mật khẩu tạm thời: hãy đổi mật khẩu trước khi tiếp tục.');
    request.user = user;
    return true;
  }

  /**
   * An API client sends its token in the Authorization header; the browser's token lives in the http-only session
   * cookie, and each is accepted only on its own channel (a stolen cookie is no API token, and back). The cookie
   * stands in on web pages (which check a CSRF token on every post) and on read-only requests (GET/HEAD: document and
   * report downloads linked from the pages). An unsafe API call never authenticates by cookie.
   */
  private async authenticate(
    request: { method: string; headers: { authorization?: string; cookie?: string } },
    targets: Parameters<Reflector['getAllAndOverride']>[1],
  ): Promise<AuthUser> {
    const header = request.headers.authorization;
    const page = this.reflector.getAllAndOverride<boolean>(PAGE_KEY, targets) === true;
    const cookieAllowed = page || request.method === 'GET' || request.method === 'HEAD';
    const cookie = cookieAllowed && !header ? readCookie(request.headers.cookie, cookieSettings(request).session) : undefined;
    const token = header ? /^Bearer ([A-Za-z0-9._-]+)$/.exec(header)?.[1] : cookie;
    if (!token) throw new DomainError('UNAUTHENTICATED', 'Cần đăng nhập để dùng chức năng này.');
    const user = await this.auth.authenticate(token, header ? 'API' : 'WEB');
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
