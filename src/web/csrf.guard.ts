import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Request } from 'express';
import { DomainError } from '../common/errors/domain-error';
import { CSRF_FIELD, CSRF_HEADER } from './csrf';
import { PageRenderer } from './page-renderer.service';

/**
 * Every page post must carry the form's CSRF token (the `_csrf` field of a urlencoded form, or the `X-CSRF-Token`
 * header that htmx sends, uploads included: a multipart body is read only after the guards) and, when the browser
 * says where it comes from, come from here. A token in the query string is never accepted: URLs are logged.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(private readonly renderer: PageRenderer) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    if (req.method === 'GET' || req.method === 'HEAD') return true;
    const token = req.headers[CSRF_HEADER] ?? (req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
    if (!this.sameOrigin(req) || !this.renderer.csrfValid(req, token)) {
      throw new DomainError('FORBIDDEN', 'Biểu mẫu đã hết hạn hoặc không được gửi từ trang của capdo. Hãy tải lại trang rồi thử lại.');
    }
    return true;
  }

  private sameOrigin(req: Request): boolean {
    const origin = req.headers.origin;
    if (!origin || origin === 'null') return origin !== 'null';
    try {
      return new URL(origin).host === req.headers.host;
    } catch {
      return false;
    }
  }
}
