import { Controller, Get, Ip, Query, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { OidcSignInService } from '../auth/oidc/oidc-sign-in.service';
import { SIGN_IN_MINUTES } from '../auth/oidc/oidc-sign-ins';
import { cookieSettings } from '../auth/session-cookies';
import { DomainError } from '../common/errors/domain-error';
import { ERROR_CODES } from '../common/errors/error-codes';
import { currentCorrelationId } from '../common/request-context';
import { AppConfig } from '../config/app-config';
import { PageRenderer } from './page-renderer.service';
import { cookie, cookieOptions, safeNext, startSession } from './page-session';
import { WebPages } from './web-page.decorator';

const SSO_CODES = ['SSO_STATE_INVALID', 'SSO_FAILED', 'SSO_REFUSED', 'SSO_UNAVAILABLE'];

/**
 * Single sign-on pages (issue 22): the button sends the browser to the province's provider, which sends it back to
 * the callback; the state travels in a short http-only cookie so that a callback begun in another browser is refused.
 */
@WebPages()
@Controller()
export class SsoPagesController {
  constructor(
    private readonly view: PageRenderer,
    private readonly sso: OidcSignInService,
    private readonly config: AppConfig,
  ) {}

  @Get('dang-nhap/sso')
  @Public()
  async begin(@Req() req: Request, @Res() res: Response, @Query('tiep') next?: string): Promise<void> {
    try {
      const { url, state } = await this.sso.begin(safeNext(next), origin(req));
      res.cookie(stateCookie(req), state, cookieOptions(req, SIGN_IN_MINUTES * 60_000));
      res.redirect(303, url);
    } catch (error) {
      return this.refused(req, res, error);
    }
  }

  @Get('dang-nhap/sso/ve')
  @Public()
  async callback(@Req() req: Request, @Res() res: Response, @Ip() ip: string): Promise<void> {
    const cookieState = cookie(req, stateCookie(req));
    res.clearCookie(stateCookie(req), cookieOptions(req));
    try {
      const { token, next } = await this.sso.finish({
        query: new URLSearchParams(req.originalUrl.split('?')[1] ?? ''),
        cookieState,
        origin: origin(req),
        client: { address: ip, userAgent: req.headers['user-agent'] },
      });
      startSession(req, res, token, this.config.JWT_EXPIRES_IN_SECONDS);
      res.redirect(303, next);
    } catch (error) {
      return this.refused(req, res, error);
    }
  }

  /** A refusal or a failed sign-in: a page in Vietnamese with the code's status, saying what to do. */
  private refused(req: Request, res: Response, error: unknown): Promise<void> {
    if (!(error instanceof DomainError) || !SSO_CODES.includes(error.code)) throw error;
    const { status, title } = ERROR_CODES[error.code];
    return this.view.render(
      req,
      res,
      'sso-refused',
      {
        title,
        message: error.detail,
        refused: error.code === 'SSO_REFUSED',
        correlationId: currentCorrelationId(),
      },
      status,
    );
  }
}

/** The address the browser reached capdo at (PUBLIC_URL, when set, wins: OidcClientService). */
function origin(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

function stateCookie(req: Request): string {
  return `${cookieSettings(req).alwaysSecure ? '__Host-' : ''}capdo_sso`;
}
