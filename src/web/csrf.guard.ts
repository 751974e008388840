import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Request } from 'express';
import { DomainError } from '../common/errors/domain-error';
import { CSRF_FIELD, CSRF_HEADER } from './csrf';
import { PageRenderer } from './page-renderer.service';

/**
 * Every page post must carry the form's CSRF token (hidden field, or the header htmx sends; a multipart upload,
 * whose body is read later, carries it in the query) and, when the browser says where it comes from, come from here.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(private readonly renderer: PageRenderer) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    if (req.method === 'GET' || req.method === 'HEAD') return true;
    const multipart = req.is('multipart/form-data') !== false && req.is('multipart/form-data') !== null;
    const token = (req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD] ?? req.headers[CSRF_HEADER] ?? (multipart ? req.query[CSRF_FIELD] : undefined);
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
