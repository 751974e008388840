import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { AGENCY_KIND_LABELS, AGENCY_KINDS } from '../agencies/agency-kind';
import { AgencyListQuery, CreateAgencyDto } from '../agencies/dto/agency.dto';
import { MergeAgenciesDto } from '../agencies/dto/reorganisation.dto';
import { AuditQuery } from '../audit/dto/audit-query.dto';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { roleHas } from '../auth/permissions';
import { PutCalendarDayDto } from '../calendar/dto/calendar.dto';
import { uuidPipe } from '../common/http/uuid-pipe';
import { CreateCampaignDto } from '../reports/dto/campaign.dto';
import { TIER_LABELS, TIERS } from '../reports/report-tiers';
import { CreateRoutingRuleDto } from '../routing/dto/routing-rule.dto';
import { ROLE_LABELS } from '../users/role';
import { FormBody, FormFailure, formFailure, FormReader, validated } from './form-input';
import { PageRenderer } from './page-renderer.service';
import { redirectWithFlash } from './page-session';
import { parseDate } from './view-helpers';
import { WebPages } from './web-page.decorator';
import { WebServices } from './web-services';

type Failed = { form: string; failure: FormFailure; values: FormBody } | undefined;

/** Administration: agencies and mergers, accounts (read), routing rules, the holiday calendar, campaigns, the audit log. */
@WebPages()
@Controller('quan-tri')
export class AdminPagesController {
  constructor(
    private readonly view: PageRenderer,
    private readonly services: WebServices,
    private readonly dataSource: DataSource,
  ) {}

  @Get()
  @RequirePermission('agency:write')
  index(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.view.render(req, res, 'admin', {});
  }

  // Agencies and mergers -------------------------------------------------------------------------------------------

  @Get('co-quan')
  @RequirePermission('agency:write')
  agencies(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Query('q') q?: string, @Query('trang') page?: string): Promise<void> {
    return this.renderAgencies(user, req, res, q, Number(page) || 1, undefined);
  }

  @Post('co-quan')
  @RequirePermission('agency:write')
  async createAgency(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Body() body: FormBody): Promise<void> {
    try {
      const f = new FormReader(body);
      const created = await this.services.agencyAdmin.create(await validated(CreateAgencyDto, { code: f.text('code') ?? '', name: f.text('name') ?? '', kind: f.text('kind') ?? '', parentId: f.text('parentId'), provinceCode: f.text('provinceCode'), validFrom: f.date('validFrom') }, f));
      return redirectWithFlash(req, res, `/quan-tri/co-quan?q=${encodeURIComponent(created.code)}`, `Đã thêm "${created.name}".`);
    } catch (error) {
      return this.renderAgencies(user, req, res, undefined, 1, { form: 'create', failure: formFailure(error), values: body });
    }
  }

  @Post('co-quan/sap-nhap')
  @RequirePermission('agency:write')
  async merge(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Body() body: FormBody): Promise<void> {
    try {
      const f = new FormReader(body);
      const newName = f.text('newAgency.name');
      const plain = {
        sourceAgencyIds: f.list('sourceAgencyIds'),
        successorAgencyId: newName ? undefined : f.text('successorAgencyId'),
        newAgency: newName ? { code: f.text('newAgency.code') ?? '', name: newName, kind: f.text('newAgency.kind') ?? '', parentId: f.text('newAgency.parentId') } : undefined,
        effectiveDate: f.date('effectiveDate') ?? '',
        decisionNumber: f.text('decisionNumber') ?? '',
        decisionDate: f.date('decisionDate'),
        decisionIssuer: f.text('decisionIssuer'),
        note: f.text('note'),
      };
      const done = await this.services.reorganisations.merge(user, await validated(MergeAgenciesDto, plain, f));
      return redirectWithFlash(req, res, '/quan-tri/co-quan', `Đã ghi nhận sáp nhập theo ${done.decisionNumber}: chuyển ${done.movedSystems} hệ thống và ${done.movedUsers} tài khoản.`);
    } catch (error) {
      return this.renderAgencies(user, req, res, undefined, 1, { form: 'merge', failure: formFailure(error), values: body });
    }
  }

  private async renderAgencies(user: AuthUser, req: Request, res: Response, q: string | undefined, page: number, failed: Failed): Promise<void> {
    const [result, all, reorganisations] = await Promise.all([
      this.services.agencies.list(user, { q: q?.slice(0, 100), page: Math.max(1, page), pageSize: 50 } as AgencyListQuery),
      this.services.agencies.list(user, { page: 1, pageSize: 200, status: 'ACTIVE' } as AgencyListQuery),
      this.services.reorganisations.list(user),
    ]);
    const names = new Map(all.items.map((a) => [a.id, a.name]));
    const kinds = AGENCY_KINDS.map((value) => ({ value, label: AGENCY_KIND_LABELS[value] }));
    const options = all.items.map((a) => ({ value: a.id, label: `${a.name} (${a.code})` }));
    return this.view.render(req, res, 'admin-agencies', { result, q: q ?? '', pages: Math.ceil(result.total / 50), kinds, options, names, reorganisations, failed }, failed ? 422 : 200);
  }

  // Accounts (read only: accounts are created with `npm run user:create`) ---------------------------------------

  @Get('nguoi-dung')
  @RequirePermission('agency:write')
  async users(@Req() req: Request, @Res() res: Response): Promise<void> {
    const users: { username: string; full_name: string; role: keyof typeof ROLE_LABELS; email: string | null; active: boolean; agency: string | null }[] = await this.dataSource.query(
      `SELECT u.username, u.full_name, u.role, u.email, u.active, a.name AS agency FROM users u LEFT JOIN agencies a ON a.id = u.agency_id ORDER BY u.role, a.name COLLATE "vi-x-icu" NULLS FIRST, u.username`,
    );
    return this.view.render(req, res, 'admin-users', { users: users.map((u) => ({ ...u, roleLabel: ROLE_LABELS[u.role] })) });
  }

  // Routing rules ---------------------------------------------------------------------------------------------------

  @Get('phan-cong')
  @RequirePermission('routing:read')
  routing(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.renderRouting(user, req, res, undefined);
  }

  @Post('phan-cong')
  @RequirePermission('routing:write')
  async createRule(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Body() body: FormBody): Promise<void> {
    try {
      const f = new FormReader(body);
      const approverKind = f.text('approverKind') ?? '';
      const plain = {
        name: f.text('name') ?? '',
        ownerAgencyId: f.text('ownerAgencyId') ?? '',
        includeSubtree: f.raw('includeSubtree') === 'true',
        minLevel: f.int('minLevel'),
        maxLevel: f.int('maxLevel'),
        regime: f.text('regime', null),
        appraiserAgencyId: f.text('appraiserAgencyId', null),
        appraiserExternalName: f.text('appraiserExternalName', null),
        approverKind,
        approverAgencyId: approverKind === 'AGENCY' ? f.text('approverAgencyId', null) : null,
        approverExternalName: approverKind === 'EXTERNAL' ? f.text('approverExternalName', null) : null,
        priority: f.int('priority'),
      };
      const rule = await this.services.routing.create(await validated(CreateRoutingRuleDto, plain, f));
      return redirectWithFlash(req, res, '/quan-tri/phan-cong', `Đã thêm quy tắc "${rule.name}".`);
    } catch (error) {
      return this.renderRouting(user, req, res, { form: 'create', failure: formFailure(error), values: body });
    }
  }

  @Post('phan-cong/:id/bat-tat')
  @RequirePermission('routing:write')
  async toggleRule(@Req() req: Request, @Res() res: Response, @Param('id', uuidPipe) id: string, @Body() body: FormBody): Promise<void> {
    const rule = await this.services.routing.update(id, { version: Number(body.version), active: body.active === 'true' });
    return redirectWithFlash(req, res, '/quan-tri/phan-cong', `Quy tắc "${rule.name}" ${rule.active ? 'đang áp dụng' : 'đã tạm ngừng'}.`);
  }

  private async renderRouting(user: AuthUser, req: Request, res: Response, failed: Failed): Promise<void> {
    const [rules, agencies] = await Promise.all([this.services.routing.list(user), this.services.agencies.list(user, { page: 1, pageSize: 200 } as AgencyListQuery)]);
    const names = new Map(agencies.items.map((a) => [a.id, a.name]));
    const options = agencies.items.filter((a) => a.status === 'ACTIVE').map((a) => ({ value: a.id, label: `${a.name} (${a.code})` }));
    return this.view.render(req, res, 'admin-routing', { rules, names, options, canWrite: roleHas(user.role, 'routing:write'), failed }, failed ? 422 : 200);
  }

  // Holidays --------------------------------------------------------------------------------------------------------

  @Get('lich')
  @RequirePermission('calendar:read')
  calendar(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Query('nam') year?: string): Promise<void> {
    return this.renderCalendar(user, req, res, Number(year) || undefined, undefined);
  }

  @Post('lich')
  @RequirePermission('calendar:write')
  async putDay(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Body() body: FormBody): Promise<void> {
    const f = new FormReader(body);
    const day = f.date('day');
    if (!day && !f.errors.day) f.errors.day = ['hãy nhập ngày'];
    try {
      const dto = await validated(PutCalendarDayDto, { kind: f.text('kind') ?? '', name: f.text('name') ?? '' }, f);
      await this.services.calendarAdmin.put(user, day!, dto);
      return redirectWithFlash(req, res, `/quan-tri/lich?nam=${day!.slice(0, 4)}`, 'Đã lưu điều chỉnh lịch.');
    } catch (error) {
      return this.renderCalendar(user, req, res, day ? Number(day.slice(0, 4)) : undefined, { form: 'day', failure: formFailure(error), values: body });
    }
  }

  @Post('lich/:day/xoa')
  @RequirePermission('calendar:write')
  async removeDay(@Req() req: Request, @Res() res: Response, @Param('day') day: string): Promise<void> {
    const parsed = parseDate(day.split('-').reverse().join('/'));
    if (!parsed.ok || !parsed.value) return redirectWithFlash(req, res, '/quan-tri/lich', 'Ngày không hợp lệ.');
    await this.services.calendarAdmin.remove(parsed.value);
    return redirectWithFlash(req, res, `/quan-tri/lich?nam=${parsed.value.slice(0, 4)}`, 'Đã xóa điều chỉnh, ngày này trở về lịch có sẵn.');
  }

  private async renderCalendar(user: AuthUser, req: Request, res: Response, year: number | undefined, failed: Failed): Promise<void> {
    const y = year && year >= 2000 && year <= 2100 ? year : undefined;
    const calendar = await this.services.calendar.year(y);
    return this.view.render(req, res, 'admin-calendar', { calendar, canWrite: roleHas(user.role, 'calendar:write'), failed }, failed ? 422 : 200);
  }

  // Campaigns -------------------------------------------------------------------------------------------------------

  @Get('chien-dich')
  @RequirePermission('report:read')
  campaigns(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.renderCampaigns(user, req, res, undefined);
  }

  @Post('chien-dich')
  @RequirePermission('campaign:write')
  async createCampaign(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Body() body: FormBody): Promise<void> {
    try {
      const f = new FormReader(body);
      const tiers = f.list('tiers');
      const plain = { number: f.text('number') ?? '', issuedOn: f.date('issuedOn') ?? '', issuer: f.text('issuer') ?? '', title: f.text('title') ?? '', deadline: f.date('deadline') ?? '', target: f.text('target') ?? '', tiers: tiers.length ? tiers : undefined };
      const campaign = await this.services.campaigns.create(user, await validated(CreateCampaignDto, plain, f));
      return redirectWithFlash(req, res, '/quan-tri/chien-dich', `Đã tạo chiến dịch theo văn bản ${campaign.number}, giao ${campaign.addressed} cơ quan.`);
    } catch (error) {
      return this.renderCampaigns(user, req, res, { form: 'create', failure: formFailure(error), values: body });
    }
  }

  private async renderCampaigns(user: AuthUser, req: Request, res: Response, failed: Failed): Promise<void> {
    const campaigns = await this.services.campaigns.list(user);
    const tiers = TIERS.map((value) => ({ value, label: TIER_LABELS[value] }));
    return this.view.render(req, res, 'admin-campaigns', { campaigns, tiers, canWrite: roleHas(user.role, 'campaign:write'), failed }, failed ? 422 : 200);
  }

  // Audit log -------------------------------------------------------------------------------------------------------

  @Get('nhat-ky')
  @RequirePermission('audit:read')
  async audit(@Req() req: Request, @Res() res: Response, @Query('doiTuong') entityType?: string, @Query('thaoTac') action?: string, @Query('trang') page?: string): Promise<void> {
    const current = Math.max(1, Number(page) || 1);
    const query = { entityType: entityType?.trim().slice(0, 40) || undefined, action: action?.trim().slice(0, 40) || undefined, page: current, pageSize: 50 } as AuditQuery;
    const result = await this.services.audit.list(query);
    return this.view.render(req, res, 'admin-audit', { result, entityType: query.entityType ?? '', action: query.action ?? '', pages: Math.ceil(result.total / 50) });
  }
}
