import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { AgenciesAdminService } from '../agencies/agencies-admin.service';
import { AgenciesQueryService } from '../agencies/agencies-query.service';
import { AgenciesReorganisationService } from '../agencies/agencies-reorganisation.service';
import { AgencyDto, AgencyListQuery, CreateAgencyDto, UpdateAgencyDto } from '../agencies/dto/agency.dto';
import { MergeAgenciesDto } from '../agencies/dto/reorganisation.dto';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { FailedAdminForm } from './admin-pages';
import { uuidPipe } from '../common/http/uuid-pipe';
import {
  AGENCY_CONTACT_FIELDS,
  AGENCY_KIND_OPTIONS,
  agencyContactsFromForm,
  agencyDtoFromForm,
  agencyOption,
  mergeDtoFromForm,
} from './agency-form';
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

  /** One body's details for the explanatory report (TT12 Art. 8.3.a–b; ND331 Art. 22.3.a–b). */
  @Get(':id')
  @RequirePermission('agency:write')
  async agency(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Param('id', uuidPipe) id: string): Promise<void> {
    return this.renderAgency(req, res, await this.agenciesQuery.get(user, id), undefined);
  }

  @Post(':id')
  @RequirePermission('agency:write')
  async saveAgency(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const agency = await this.agenciesQuery.get(user, id);
    try {
      const { plain, reader } = agencyContactsFromForm(body);
      await this.agenciesAdmin.update(id, await validated(UpdateAgencyDto, plain, reader));
      return redirectWithFlash(req, res, `/quan-tri/co-quan/${id}`, `Đã lưu thông tin của "${agency.name}".`);
    } catch (error) {
      return this.renderAgency(req, res, agency, { form: 'contacts', failure: formFailure(error), values: body });
    }
  }

  private renderAgency(req: Request, res: Response, agency: AgencyDto, failed: FailedAdminForm): Promise<void> {
    const status = !failed ? 200 : failed.failure.errors && Object.keys(failed.failure.errors).length ? 422 : 409;
    return this.view.render(req, res, 'admin-agency', { agency, fields: AGENCY_CONTACT_FIELDS, failed }, status);
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
