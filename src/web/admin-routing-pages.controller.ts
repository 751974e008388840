import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { AgenciesQueryService } from '../agencies/agencies-query.service';
import { AgencyListQuery } from '../agencies/dto/agency.dto';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { roleHas } from '../auth/permissions';
import { uuidPipe } from '../common/http/uuid-pipe';
import { COMPETENCE } from '../routing/competence';
import { CreateRoutingRuleDto } from '../routing/dto/routing-rule.dto';
import { RoutingRulesService } from '../routing/routing-rules.service';
import { FailedAdminForm } from './admin-pages';
import { agencyOption } from './agency-form';
import { FormBody, formFailure, validated } from './form-input';
import { PageRenderer } from './page-renderer.service';
import { redirectWithFlash } from './page-session';
import { routingRuleDtoFromForm, routingToggleFromForm } from './routing-rule-form';
import { WebPages } from './web-page.decorator';

/** Routing rules: which body appraises and which approves, by owner agency, level and regime. */
@WebPages()
@Controller('quan-tri/phan-cong')
export class AdminRoutingPagesController {
  constructor(
    private readonly view: PageRenderer,
    private readonly routingRules: RoutingRulesService,
    private readonly agenciesQuery: AgenciesQueryService,
  ) {}

  @Get()
  @RequirePermission('routing:read')
  routing(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.renderRouting(user, req, res, undefined);
  }

  @Post()
  @RequirePermission('routing:write')
  async createRule(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Body() body: FormBody): Promise<void> {
    try {
      const { plain, reader } = routingRuleDtoFromForm(body);
      const rule = await this.routingRules.create(await validated(CreateRoutingRuleDto, plain, reader));
      return redirectWithFlash(req, res, '/quan-tri/phan-cong', `Đã thêm quy tắc "${rule.name}".`);
    } catch (error) {
      return this.renderRouting(user, req, res, { form: 'create', failure: formFailure(error), values: body });
    }
  }

  @Post(':id/bat-tat')
  @RequirePermission('routing:write')
  async toggleRule(@Req() req: Request, @Res() res: Response, @Param('id', uuidPipe) id: string, @Body() body: FormBody): Promise<void> {
    const rule = await this.routingRules.update(id, routingToggleFromForm(body));
    return redirectWithFlash(req, res, '/quan-tri/phan-cong', `Quy tắc "${rule.name}" ${rule.active ? 'đang áp dụng' : 'đã tạm ngừng'}.`);
  }

  private async renderRouting(user: AuthUser, req: Request, res: Response, failed: FailedAdminForm): Promise<void> {
    const [rules, agencies] = await Promise.all([
      this.routingRules.list(user),
      this.agenciesQuery.list(user, { page: 1, pageSize: 200 } as AgencyListQuery),
    ]);
    const names = new Map(agencies.items.map((a) => [a.id, a.name]));
    const options = agencies.items.filter((a) => a.status === 'ACTIVE').map(agencyOption);
    return this.view.render(
      req,
      res,
      'admin-routing',
      { rules, names, options, competence: COMPETENCE, canWrite: roleHas(user.role, 'routing:write'), failed },
      failed ? 422 : 200,
    );
  }
}
