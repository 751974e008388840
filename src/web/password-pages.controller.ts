import { Body, Controller, Get, Ip, Post, Query, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { AuthUser } from '../auth/auth-user';
import { AllowWithTemporaryPassword, CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { PasswordChangeDto } from '../auth/dto/password-change.dto';
import { PasswordChangeService } from '../auth/password-change.service';
import { PASSWORD_MIN_LENGTH } from '../auth/password-policy';
import { DomainError } from '../common/errors/domain-error';
import { FormBody, formFailure, FormFailure, validated } from './form-input';
import { PageRenderer } from './page-renderer.service';
import { redirectWithFlash, safeNext } from './page-session';
import { WebPages } from './web-page.decorator';

/**
 * "Đổi mật khẩu": anyone signed in, and the only page (with signing out) a user with a temporary password reaches
 * until it is changed — every other page sends them here (page-error.filter.ts), then back where they were going.
 */
@WebPages()
@Controller('doi-mat-khau')
export class PasswordPagesController {
  constructor(
    private readonly view: PageRenderer,
    private readonly passwords: PasswordChangeService,
  ) {}

  @Get()
  @RequirePermission('profile:read')
  @AllowWithTemporaryPassword()
  form(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Query('tiep') next?: string): Promise<void> {
    return this.render(user, req, res, safeNext(next));
  }

  @Post()
  @RequirePermission('profile:read')
  @AllowWithTemporaryPassword()
  async change(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: FormBody,
    @Ip() ip: string,
  ): Promise<void> {
    const next = safeNext(body.tiep);
    try {
      const dto = await validated(PasswordChangeDto, { currentPassword: text(body.currentPassword), newPassword: text(body.newPassword) });
      if (text(body.confirmPassword) !== dto.newPassword)
        throw new DomainError('VALIDATION_FAILED', 'Hai lần nhập mật khẩu mới chưa khớp nhau.', {
          confirmPassword: ['Hai lần nhập mật khẩu mới chưa khớp nhau.'],
        });
      await this.passwords.change(user, dto, { address: ip, userAgent: req.headers['user-agent'] });
      return redirectWithFlash(req, res, next, 'Đã đổi mật khẩu. Các phiên đăng nhập khác của tài khoản đã kết thúc.');
    } catch (error) {
      const failure = formFailure(error);
      const retryAfter = error instanceof DomainError ? error.extra?.retryAfterSeconds : undefined;
      if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
      const status = error instanceof DomainError && error.code === 'LOGIN_THROTTLED' ? 429 : 422;
      return this.render(user, req, res, next, failure, status);
    }
  }

  private render(user: AuthUser, req: Request, res: Response, next: string, failure?: FormFailure, status = 200): Promise<void> {
    return this.view.render(
      req,
      res,
      'password-change',
      {
        temporary: user.mustChangePassword === true,
        next,
        failure,
        summary: failure && summaryOf(failure),
        minLength: PASSWORD_MIN_LENGTH,
      },
      status,
    );
  }
}

const LABELS: Record<string, string> = {
  currentPassword: 'Mật khẩu hiện tại',
  newPassword: 'Mật khẩu mới',
  confirmPassword: 'Nhập lại mật khẩu mới',
};

/**
 * The message above the form: each field's reason as a link to its field. Not the shared summary's "what you typed is
 * still there": password fields are never sent back.
 */
interface FailureSummary {
  message: string;
  errors: Record<string, never>;
  missing?: { message: string; href: string }[];
}

function summaryOf(failure: FormFailure): FailureSummary {
  const links = Object.entries(failure.errors).map(([field, messages]) => ({
    message: `${LABELS[field] ?? field}: ${messages.join('; ')}`,
    href: `#f-${field}`,
  }));
  return links.length ? { message: 'Hãy nhập lại các mật khẩu.', errors: {}, missing: links } : { message: failure.message, errors: {} };
}

function text(value: string | string[] | undefined): string {
  return typeof value === 'string' ? value : '';
}
