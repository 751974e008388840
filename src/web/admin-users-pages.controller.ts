import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { AgenciesQueryService } from '../agencies/agencies-query.service';
import { AgencyListQuery } from '../agencies/dto/agency.dto';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { CreateAccountDto } from '../users/dto/account.dto';
import { ROLE_LABELS } from '../users/role';
import { UsersAdminService } from '../users/users-admin.service';
import { UsersQueryService } from '../users/users-query.service';
import {
  ACCOUNT_FIELD_LABELS,
  AccountFilterQuery,
  accountFilterFromQuery,
  ACTIVE_OPTIONS,
  failureStatus,
  filterParams,
  newAccountFromForm,
  ROLE_OPTIONS,
} from './account-form';
import { AccountPageView } from './account-page-view.service';
import { FailedAdminForm } from './admin-pages';
import { agencyOption } from './agency-form';
import { FormBody, formFailure, validated } from './form-input';
import { PageRenderer } from './page-renderer.service';
import { WebPages } from './web-page.decorator';

/**
 * The accounts list (issue 22): search and filters, last sign-in, and "Thêm tài khoản". An administrator sees every
 * account; an agency's head the accounts of its own agency (UsersQueryService scopes the list, the pages do not).
 * A new account's temporary password is shown once, on the answer to the post itself: never in a cookie or a link.
 */
@WebPages()
@Controller('quan-tri/nguoi-dung')
export class AdminUsersPagesController {
  constructor(
    private readonly view: PageRenderer,
    private readonly usersQuery: UsersQueryService,
    private readonly usersAdmin: UsersAdminService,
    private readonly agenciesQuery: AgenciesQueryService,
    private readonly pageView: AccountPageView,
  ) {}

  @Get()
  @RequirePermission('user:manage')
  users(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Query() query: AccountFilterQuery): Promise<void> {
    return this.renderList(user, req, res, query, undefined);
  }

  @Post()
  @RequirePermission('user:manage')
  async create(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Body() body: FormBody): Promise<void> {
    try {
      const { plain, reader } = newAccountFromForm(body, user);
      const created = await this.usersAdmin.create(user, await validated(CreateAccountDto, plain, reader));
      const data = await this.pageView.data(user, created.user);
      return this.view.render(
        req,
        res,
        'admin-user',
        { ...data, issued: { temporaryPassword: created.temporaryPassword, created: true } },
        201,
      );
    } catch (error) {
      const failed = { form: 'create', failure: formFailure(error), values: body };
      return this.renderList(user, req, res, {}, failed, failureStatus(error));
    }
  }

  private async renderList(
    user: AuthUser,
    req: Request,
    res: Response,
    query: AccountFilterQuery,
    failed: FailedAdminForm,
    status = 200,
  ): Promise<void> {
    const filter = accountFilterFromQuery(query, user);
    const isAdmin = user.role === 'ADMIN';
    const [result, agencies, agencyName] = await Promise.all([
      this.usersQuery.list(user, filter),
      isAdmin
        ? this.agenciesQuery
            .list(user, { page: 1, pageSize: 200, status: 'ACTIVE' } as AgencyListQuery)
            .then((p) => p.items.map(agencyOption))
        : Promise.resolve([]),
      isAdmin ? Promise.resolve(undefined) : this.ownAgencyName(user),
    ]);
    const params = filterParams(filter);
    const items = result.items.map((u) => ({ ...u, roleLabel: ROLE_LABELS[u.role] }));
    return this.view.render(
      req,
      res,
      'admin-users',
      {
        result: { ...result, items },
        params,
        filtered: Object.values(params).some(Boolean),
        pages: Math.ceil(result.total / filter.pageSize),
        isAdmin,
        agencyName,
        roles: ROLE_OPTIONS,
        agencies,
        activeOptions: ACTIVE_OPTIONS,
        fieldLabels: ACCOUNT_FIELD_LABELS,
        failed,
      },
      status,
    );
  }

  private async ownAgencyName(user: AuthUser): Promise<string | undefined> {
    if (!user.agencyId) return undefined;
    return (await this.agenciesQuery.get(user, user.agencyId)).name;
  }
}
