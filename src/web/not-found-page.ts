import { Injectable } from '@nestjs/common';
import { Request, Response } from 'express';
import { AuthService } from '../auth/auth.service';
import { readCookie } from '../auth/auth.guard';
import { AuthUser } from '../auth/auth-user';
import { cookieSettings } from '../auth/session-cookies';
import { RouteNotFoundPage } from '../common/errors/problem.filter';
import { currentCorrelationId } from '../common/request-context';
import { PageRenderer } from './page-renderer.service';

/**
 * An address outside /api/ that no route matches: the Vietnamese 404 page in the layout, with the menu when the
 * browser is signed in (no route guard ran, so the session cookie is read here) and a link home. The API keeps
 * problem+json (common/errors/problem.filter.ts).
 */
@Injectable()
export class NotFoundPage implements RouteNotFoundPage {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly auth: AuthService,
  ) {}

  async render(req: Request, res: Response): Promise<void> {
    const user = await this.auth.sessionUser(readCookie(req.headers.cookie, cookieSettings(req).session));
    (req as Request & { user?: AuthUser }).user = user;
    this.renderer.renderPlain(req, res, 'not-found', { address: req.path, correlationId: currentCorrelationId() }, 404);
  }
}
