import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { AgenciesAdminService } from '../agencies/agencies-admin.service';
import { AgenciesQueryService } from '../agencies/agencies-query.service';
import { AgenciesReorganisationService } from '../agencies/agencies-reorganisation.service';
import { AgencyListQuery, CreateAgencyDto } from '../agencies/dto/agency.dto';
import { MergeAgenciesDto } from '../agencies/dto/reorganisation.dto';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { FailedAdminForm } from './admin-pages';
import { AGENCY_KIND_OPTIONS, agencyDtoFromForm, agencyOption, mergeDtoFromForm } from './agency-form';
import { FormBody, formFailure, validated } from './form-input';
import { PageRenderer } from './page-renderer.service';
import { redirectWithFlash } from './page-session';
import { WebPages } from './web-page.decorator';

/** Administration of agencies: the list, adding a body, and recording a merger (its systems and accounts move). */
@WebPages()
@Controller('quan-tri/co-quan')
export class AdminAgenciesPagesController {
  constructor(
    private readonly view: PageRenderer,
    private readonly agenciesQuery: AgenciesQueryService,
    private readonly agenciesAdmin: AgenciesAdminService,
    private readonly reorganisations: AgenciesReorganisationService,
  ) {}

  @Get()
  @RequirePermission('agency:write')
  agencies(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Query('q') q?: string,
    @Query('trang') page?: string,
  ): Promise<void> {
    return this.renderAgencies(user, req, res, q, Number(page) || 1, undefined);
  }

  @Post()
  @RequirePermission('agency:write')
  async createAgency(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Body() body: FormBody): Promise<void> {
    try {
      const { plain, reader } = agencyDtoFromForm(body);
      const created = await this.agenciesAdmin.create(await validated(CreateAgencyDto, plain, reader));
      return redirectWithFlash(req, res, `/quan-tri/co-quan?q=${encodeURIComponent(created.code)}`, `Đã thêm "${created.name}".`);
    } catch (error) {
      return this.renderAgencies(user, req, res, undefined, 1, { form: 'create', failure: formFailure(error), values: body });
    }
  }

  @Post('sap-nhap')
  @RequirePermission('agency:write')
  async merge(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Body() body: FormBody): Promise<void> {
    try {
      const { plain, reader } = mergeDtoFromForm(body);
      const done = await this.reorganisations.merge(user, await validated(MergeAgenciesDto, plain, reader));
      return redirectWithFlash(
        req,
        res,
        '/quan-tri/co-quan',
        `Đã ghi nhận sáp nhập theo ${done.decisionNumber}: chuyển ${done.movedSystems} hệ thống và ${done.movedUsers} tài khoản.`,
      );
    } catch (error) {
      return this.renderAgencies(user, req, res, undefined, 1, { form: 'merge', failure: formFailure(error), values: body });
    }
  }

  private async renderAgencies(
    user: AuthUser,
    req: Request,
    res: Response,
    q: string | undefined,
    page: number,
    failed: FailedAdminForm,
  ): Promise<void> {
    const [result, all, reorganisations] = await Promise.all([
      this.agenciesQuery.list(user, { q: q?.slice(0, 100), page: Math.max(1, page), pageSize: 50 } as AgencyListQuery),
      this.agenciesQuery.list(user, { page: 1, pageSize: 200, status: 'ACTIVE' } as AgencyListQuery),
      this.reorganisations.list(user),
    ]);
    const names = new Map(all.items.map((a) => [a.id, a.name]));
    const options = all.items.map(agencyOption);
    return this.view.render(
      req,
      res,
      'admin-agencies',
      { result, q: q ?? '', pages: Math.ceil(result.total / 50), kinds: AGENCY_KIND_OPTIONS, options, names, reorganisations, failed },
      failed ? 422 : 200,
    );
  }
}
