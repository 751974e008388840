import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { uuidPipe } from '../common/http/uuid-pipe';
import { UpdateAccountDto } from '../users/dto/account.dto';
import { UsersAdminService } from '../users/users-admin.service';
import { UsersQueryService } from '../users/users-query.service';
import { accountChangesFromForm, failureStatus } from './account-form';
import { AccountPageView } from './account-page-view.service';
import { FailedAdminForm } from './admin-pages';
import { FormBody, formFailure, validated } from './form-input';
import { PageRenderer } from './page-renderer.service';
import { redirectWithFlash } from './page-session';
import { WebPages } from './web-page.decorator';

/**
 * One account's page (issue 22): its details to edit, locking and unlocking, a new temporary password (shown once, on
 * the answer to the post itself), "Đăng xuất khỏi mọi thiết bị", and its open sessions. Every change goes through
 * UsersAdminService, which applies the scope (404 out of sight, 403 not the viewer's to change) and audits it.
 */
@WebPages()
@Controller('quan-tri/nguoi-dung/:id')
export class AccountPagesController {
  constructor(
    private readonly view: PageRenderer,
    private readonly usersQuery: UsersQueryService,
    private readonly usersAdmin: UsersAdminService,
    private readonly pageView: AccountPageView,
  ) {}

  @Get()
  @RequirePermission('user:manage')
  account(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Param('id', uuidPipe) id: string): Promise<void> {
    return this.render(user, req, res, id, undefined);
  }

  @Post()
  @RequirePermission('user:manage')
  async save(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    try {
      const { plain, reader } = accountChangesFromForm(body, user);
      const saved = await this.usersAdmin.update(user, id, await validated(UpdateAccountDto, plain, reader));
      return redirectWithFlash(req, res, `/quan-tri/nguoi-dung/${id}`, `Đã lưu thông tin tài khoản ${saved.username}.`);
    } catch (error) {
      return this.render(user, req, res, id, { form: 'edit', failure: formFailure(error), values: body }, failureStatus(error));
    }
  }

  @Post('khoa')
  @RequirePermission('user:manage')
  deactivate(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Param('id', uuidPipe) id: string): Promise<void> {
    return this.act(user, req, res, id, async () => {
      const account = await this.usersAdmin.deactivate(user, id);
      return `Đã khóa tài khoản ${account.username}; mọi phiên đăng nhập của tài khoản đã kết thúc.`;
    });
  }

  @Post('mo-khoa')
  @RequirePermission('user:manage')
  reactivate(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Param('id', uuidPipe) id: string): Promise<void> {
    return this.act(user, req, res, id, async () => `Đã mở khóa tài khoản ${(await this.usersAdmin.reactivate(user, id)).username}.`);
  }

  @Post('dang-xuat-moi-noi')
  @RequirePermission('user:manage')
  signOutEverywhere(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
  ): Promise<void> {
    return this.act(user, req, res, id, async () => {
      const { sessionsEnded } = await this.usersAdmin.signOutEverywhere(user, id);
      return sessionsEnded ? `Đã kết thúc ${sessionsEnded} phiên đăng nhập.` : 'Tài khoản không có phiên đăng nhập nào đang mở.';
    });
  }

  /** The new temporary password is in this answer only: not in a redirect, a cookie or the audit log. */
  @Post('cap-lai-mat-khau')
  @RequirePermission('user:manage')
  async resetPassword(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
  ): Promise<void> {
    let temporaryPassword: string;
    try {
      ({ temporaryPassword } = await this.usersAdmin.resetPassword(user, id));
    } catch (error) {
      return this.render(user, req, res, id, { form: 'action', failure: formFailure(error), values: {} }, failureStatus(error));
    }
    const data = await this.pageView.data(user, await this.usersQuery.get(user, id));
    return this.view.render(req, res, 'admin-user', { ...data, issued: { temporaryPassword, created: false } });
  }

  private async act(user: AuthUser, req: Request, res: Response, id: string, action: () => Promise<string>): Promise<void> {
    let done: string;
    try {
      done = await action();
    } catch (error) {
      return this.render(user, req, res, id, { form: 'action', failure: formFailure(error), values: {} }, failureStatus(error));
    }
    return redirectWithFlash(req, res, `/quan-tri/nguoi-dung/${id}`, done);
  }

  private async render(user: AuthUser, req: Request, res: Response, id: string, failed: FailedAdminForm, status = 200): Promise<void> {
    const data = await this.pageView.data(user, await this.usersQuery.get(user, id));
    return this.view.render(req, res, 'admin-user', { ...data, failed }, status);
  }
}
