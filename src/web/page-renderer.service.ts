import { Injectable } from '@nestjs/common';
import { Eta } from 'eta';
import { Request, Response } from 'express';
import { AuthUser } from '../auth/auth-user';
import { AppConfig } from '../config/app-config';
import { NotificationListQuery } from '../notifications/dto/notification.dto';
import { NotificationInboxService } from '../notifications/notification-inbox.service';
import { ROLE_LABELS } from '../users/role';
import { cookieSettings } from '../auth/session-cookies';
import { PAGE_CSP } from '../common/http/security-headers';
import { csrfKey, csrfToken, csrfTokenValid, newCsrfSecret } from './csrf';
import { cookie, cookieOptions, sessionCookie, takeFlash } from './page-session';
import * as helpers from './view-helpers';
import { navFor } from './web-nav';
import { templatesDir } from './web-paths';

type CsrfRequest = Request & { capdoCsrfSecret?: string; user?: AuthUser };

/** Renders templates/pages/*.eta inside the layout, with the user, the menu, the CSRF token and a flash message. */
@Injectable()
export class PageRenderer {
  private readonly eta = new Eta({
    views: templatesDir(),
    cache: process.env.NODE_ENV !== 'development',
    autoEscape: true,
    functionHeader: 'const h = it.h, page = it.page;',
  });
  private readonly key: Buffer;

  constructor(
    config: AppConfig,
    private readonly notificationInbox: NotificationInboxService,
  ) {
    this.key = csrfKey(config.JWT_SECRET);
  }

  async render(req: Request, res: Response, template: string, data: Record<string, unknown>, status = 200): Promise<void> {
    const user = (req as CsrfRequest).user;
    const unread = user ? (await this.notificationInbox.list(user, Object.assign(new NotificationListQuery(), { pageSize: 1 }))).unread : 0;
    this.send(res, status, this.html(req, res, template, data, unread));
  }

  /** Without database calls: for error pages. */
  renderPlain(req: Request, res: Response, template: string, data: Record<string, unknown>, status: number): void {
    this.send(res, status, this.html(req, res, template, data, 0));
  }

  private html(req: Request, res: Response, template: string, data: Record<string, unknown>, unread: number): string {
    const user = (req as CsrfRequest).user;
    const page = {
      user,
      roleLabel: user ? ROLE_LABELS[user.role] : '',
      nav: navFor(user, req.path),
      csrf: this.csrfFor(req, res),
      unread,
      flash: takeFlash(req, res),
      path: req.path,
    };
    return this.eta.render(`pages/${template}`, { ...data, h: helpers, page });
  }

  private send(res: Response, status: number, html: string): void {
    res
      .status(status)
      .type('html')
      // nosniff, X-Frame-Options and Referrer-Policy are on every answer already (security-headers.ts)
      .set({ 'Cache-Control': 'no-store', 'Content-Security-Policy': PAGE_CSP })
      .send(html);
  }

  /** The token for this browser's CSRF secret and session, creating the secret (cookie) on its first page. */
  csrfFor(req: Request, res: Response): string {
    const r = req as CsrfRequest;
    const name = cookieSettings(req).csrf;
    let secret = r.capdoCsrfSecret ?? cookie(req, name);
    if (!secret) {
      secret = newCsrfSecret();
      res.cookie(name, secret, cookieOptions(req));
    }
    r.capdoCsrfSecret = secret;
    return csrfToken(this.key, secret, sessionCookie(req));
  }

  csrfValid(req: Request, token: unknown): boolean {
    return csrfTokenValid(this.key, cookie(req, cookieSettings(req).csrf), sessionCookie(req), token);
  }
}
