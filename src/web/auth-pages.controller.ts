import { Body, Controller, Get, Ip, Post, Query, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { AuthUser } from '../auth/auth-user';
import { AllowWithTemporaryPassword, CurrentUser, Public, RequirePermission } from '../auth/auth.decorators';
import { AppConfig } from '../config/app-config';
import { DomainError } from '../common/errors/domain-error';
import { AuthService } from '../auth/auth.service';
import { OidcClientService } from '../auth/oidc/oidc-client.service';
import { FormBody } from './form-input';
import { PageRenderer } from './page-renderer.service';
import { endSession, safeNext, startSession } from './page-session';
import { sessionEndedNotice } from './session-ended';
import { WebPages } from './web-page.decorator';

/** Sign-in and sign-out: the same AuthService as POST /api/v1/auth/login, its token kept in an http-only cookie. */
@WebPages()
@Controller()
export class AuthPagesController {
  constructor(
    private readonly view: PageRenderer,
    private readonly auth: AuthService,
    private readonly config: AppConfig,
    private readonly oidc: OidcClientService,
  ) {}

  @Get('dang-nhap')
  @Public()
  form(@Req() req: Request, @Res() res: Response, @Query('tiep') next?: string, @Query('het') expired?: string): Promise<void> {
    return this.view.render(req, res, 'login', {
      ...this.signInOptions(),
      next: safeNext(next),
      expired: sessionEndedNotice(expired, this.config.SESSION_IDLE_MINUTES, this.config.JWT_EXPIRES_IN_SECONDS),
      values: {},
    });
  }

  @Post('dang-nhap')
  @Public()
  async signIn(@Req() req: Request, @Res() res: Response, @Body() body: FormBody, @Ip() ip: string): Promise<void> {
    const username = String(body.username ?? '').trim();
    const password = String(body.password ?? '');
    const next = safeNext(body.tiep);
    if (!username || !password) {
      return this.view.render(
        req,
        res,
        'login',
        { ...this.signInOptions(), next, values: { username }, message: 'Vui lòng nhập tên đăng nhập và mật khẩu.' },
        422,
      );
    }
    try {
      const session = await this.auth.login({ username, password }, { address: ip, userAgent: req.headers['user-agent'] }, 'WEB');
      startSession(req, res, session.accessToken, this.config.JWT_EXPIRES_IN_SECONDS);
      res.redirect(303, next);
    } catch (error) {
      if (!(error instanceof DomainError) || !['INVALID_CREDENTIALS', 'LOGIN_THROTTLED', 'LOCAL_SIGN_IN_DISABLED'].includes(error.code))
        throw error;
      const status = error.code === 'LOGIN_THROTTLED' ? 429 : error.code === 'LOCAL_SIGN_IN_DISABLED' ? 403 : 401;
      const retryAfter = error.extra?.retryAfterSeconds;
      if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
      return this.view.render(req, res, 'login', { ...this.signInOptions(), next, values: { username }, message: error.detail }, status);
    }
  }

  @Post('dang-xuat')
  @RequirePermission('profile:read')
  @AllowWithTemporaryPassword()
  async signOut(@Req() req: Request, @Res() res: Response, @CurrentUser() user: AuthUser): Promise<void> {
    const { idToken } = await this.auth.logout(user);
    endSession(req, res);
    // A single sign-on session also ends at the provider, when it advertises end_session_endpoint.
    const providerSignOut = idToken ? await this.oidc.endSessionUrl(idToken, `${req.protocol}://${req.get('host')}`) : undefined;
    if (!providerSignOut) return res.redirect(303, '/dang-nhap');
    // A page that goes on by itself, not a redirect: the pages' form-action 'self' forbids a form's redirect to the provider.
    delete (req as { user?: AuthUser }).user;
    this.view.renderPlain(req, res, 'sso-signed-out', { url: providerSignOut }, 200);
  }

  /** The single sign-on button when it is on; the password form for administrators only when LOCAL_SIGN_IN=admins. */
  private signInOptions(): { sso: boolean; adminsOnly: boolean } {
    return { sso: this.oidc.enabled, adminsOnly: this.config.LOCAL_SIGN_IN === 'admins' };
  }
}
