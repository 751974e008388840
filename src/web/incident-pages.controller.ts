import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { uuidPipe } from '../common/http/uuid-pipe';
import { CreateIncidentDto, IncidentListQuery, UpdateIncidentDto } from '../incidents/dto/incident.dto';
import { INCIDENT_SEVERITIES, INCIDENT_SEVERITY_LABELS } from '../incidents/incident-clocks';
import { IncidentsService } from '../incidents/incidents.service';
import { FormBody, formFailureText, validated } from './form-input';
import { PageRenderer } from './page-renderer.service';
import { redirectWithFlash } from './page-session';
import { WebPages } from './web-page.decorator';

const PAGE_SIZE = 50;
const SEVERITY_OPTIONS = INCIDENT_SEVERITIES.map((value) => ({ value, label: INCIDENT_SEVERITY_LABELS[value] }));

/** A datetime-local field ("2026-12-01T09:30") is Vietnam time; anything else goes to the API's validation as typed. */
function vietnamMoment(input: unknown): unknown {
  return typeof input === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(input) ? `${input}:00+07:00` : input;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value : undefined);

/** The incident register of a system (ND331 Art. 31.2.c–d) and the province's list for appraisers and leaders. */
@WebPages()
@Controller()
export class IncidentPagesController {
  constructor(
    private readonly view: PageRenderer,
    private readonly incidents: IncidentsService,
  ) {}

  @Get('he-thong/:id/su-co')
  @RequirePermission('system:read')
  async register(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
  ): Promise<void> {
    const register = await this.incidents.register(user, id);
    return this.view.render(req, res, 'system-incidents', { ...register, severities: SEVERITY_OPTIONS });
  }

  @Post('he-thong/:id/su-co')
  @RequirePermission('incident:write')
  async create(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const back = `/he-thong/${id}/su-co`;
    try {
      const dto = await validated(CreateIncidentDto, {
        detectedAt: vietnamMoment(body.detectedAt),
        severity: body.severity,
        nationalSecurity: body.nationalSecurity === 'on',
        title: body.title,
        ...(text(body.description) ? { description: body.description } : {}),
        ...(text(body.actions) ? { actions: body.actions } : {}),
      });
      await this.incidents.create(user, id, dto);
      return redirectWithFlash(req, res, back, 'Đã ghi nhận sự cố; thời hạn thông báo, báo cáo đang được tính.');
    } catch (error) {
      return redirectWithFlash(req, res, back, formFailureText(error));
    }
  }

  @Post('he-thong/:id/su-co/:incidentId')
  @RequirePermission('incident:write')
  async update(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
    @Param('incidentId', uuidPipe) incidentId: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const back = `/he-thong/${id}/su-co#su-co-${incidentId}`;
    try {
      const dto = await validated(UpdateIncidentDto, {
        version: Number(body.version),
        ...(text(body.initialNoticeSentAt) ? { initialNoticeSentAt: vietnamMoment(body.initialNoticeSentAt) } : {}),
        ...(text(body.reportSentAt) ? { reportSentAt: vietnamMoment(body.reportSentAt) } : {}),
        ...(typeof body.actions === 'string' ? { actions: body.actions } : {}),
        ...(body.close === 'yes' ? { status: 'CLOSED' } : {}),
      });
      await this.incidents.update(user, id, incidentId, dto);
      return redirectWithFlash(req, res, back, body.close === 'yes' ? 'Đã đóng sự cố.' : 'Đã cập nhật sự cố.');
    } catch (error) {
      return redirectWithFlash(req, res, back, formFailureText(error));
    }
  }

  @Get('su-co')
  @RequirePermission('system:read')
  async list(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Query('trangThai') status?: string,
    @Query('trang') page?: string,
  ): Promise<void> {
    const current = Math.max(1, Math.min(100000, Number(page) || 1));
    const query = Object.assign(new IncidentListQuery(), {
      status: status === 'OPEN' || status === 'CLOSED' ? status : undefined,
      page: current,
      pageSize: PAGE_SIZE,
    });
    const result = await this.incidents.list(user, query);
    return this.view.render(req, res, 'incidents', { result, status: query.status ?? '', pages: Math.ceil(result.total / PAGE_SIZE) });
  }
}
