import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { AccessService } from '../access/access.service';
import { AgencyListQuery } from '../agencies/dto/agency.dto';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { roleHas } from '../auth/permissions';
import { DomainError } from '../common/errors/domain-error';
import { uuidPipe } from '../common/http/uuid-pipe';
import { isOpen } from '../dossiers/dossier-status';
import { DossierListQuery } from '../dossiers/dto/dossier.dto';
import { CreateSystemDto, SystemListQuery, UpdateSystemDto } from '../systems/dto/system.dto';
import { AgenciesQueryService } from '../agencies/agencies-query.service';
import { DossiersQueryService } from '../dossiers/dossiers-query.service';
import { PriorApprovalsService } from '../systems/prior-approvals/prior-approvals.service';
import { IncidentsService } from '../incidents/incidents.service';
import { PlanItemsService } from '../plan-items/plan-items.service';
import { SystemsCommandService } from '../systems/systems-command.service';
import { SystemsQueryService } from '../systems/systems-query.service';
import { RedeterminationReviewService } from '../redetermination/redetermination-review.service';
import { redeterminationView } from './redetermination-view';
import { FormBody, formFailure, validated } from './form-input';
import { InspectionScheduleService } from '../inspections/inspection-schedule.service';
import { PageRenderer } from './page-renderer.service';
import { redirectWithFlash } from './page-session';
import { SYSTEM_FORM_OPTIONS, systemDtoFromForm, systemFormEcho, systemFormValues } from './system-form';
import { WebPages } from './web-page.decorator';

const PAGE_SIZE = 25;

/** The inventory: list and search, register, details, edit. */
@WebPages()
@Controller('he-thong')
export class SystemPagesController {
  constructor(
    private readonly view: PageRenderer,
    private readonly systems: SystemsQueryService,
    private readonly systemCommands: SystemsCommandService,
    private readonly priorApprovals: PriorApprovalsService,
    private readonly dossiers: DossiersQueryService,
    private readonly agencies: AgenciesQueryService,
    private readonly access: AccessService,
    private readonly incidents: IncidentsService,
    private readonly redetermination: RedeterminationReviewService,
    private readonly planItems: PlanItemsService,
    private readonly inspectionSchedule: InspectionScheduleService,
  ) {}

  @Get()
  @RequirePermission('system:read')
  async list(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Query('q') q?: string,
    @Query('trang') page?: string,
  ): Promise<void> {
    const current = Math.max(1, Number(page) || 1);
    const result = await this.systems.list(user, {
      q: q?.slice(0, 100),
      page: current,
      pageSize: PAGE_SIZE,
      sort: 'name',
    } as SystemListQuery);
    return this.view.render(req, res, 'systems', {
      result,
      q: q ?? '',
      pages: Math.ceil(result.total / PAGE_SIZE),
      canWrite: roleHas(user.role, 'system:write'),
    });
  }

  @Get('moi')
  @RequirePermission('system:write')
  async newForm(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response): Promise<void> {
    const agencies = await this.agencyOptions(user);
    const values = {
      ownerAgencyId: user.agencyId ?? '',
      operatorAgencyId: user.agencyId ?? '',
      lifecycle: 'IN_OPERATION',
      deploymentStatus: 'NOT_DEPLOYED',
      infoTypes: [],
    };
    return this.view.render(req, res, 'system-form', { mode: 'create', values, errors: {}, agencies, options: SYSTEM_FORM_OPTIONS });
  }

  @Post('moi')
  @RequirePermission('system:write')
  async create(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Body() body: FormBody): Promise<void> {
    try {
      const { plain, reader } = systemDtoFromForm(body, false);
      const created = await this.systemCommands.create(user, await validated(CreateSystemDto, plain, reader));
      return redirectWithFlash(req, res, `/he-thong/${created.id}`, `Đã đăng ký hệ thống "${created.name}".`);
    } catch (error) {
      const failure = formFailure(error);
      const agencies = await this.agencyOptions(user);
      return this.view.render(
        req,
        res,
        'system-form',
        { mode: 'create', values: systemFormEcho(body), errors: failure.errors, failure, agencies, options: SYSTEM_FORM_OPTIONS },
        422,
      );
    }
  }

  @Get(':id')
  @RequirePermission('system:read')
  async show(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Param('id', uuidPipe) id: string): Promise<void> {
    const system = await this.systems.get(user, id);
    const dossiers = await this.dossiers.list(user, { systemId: id, page: 1, pageSize: 50 } as DossierListQuery);
    const open = dossiers.items.find((d) => isOpen(d.status));
    const canWrite =
      roleHas(user.role, 'system:write') &&
      this.access.canWriteSystemOf(user, {
        ownerAgencyId: system.owner.id,
        operatorAgencyId: system.operator.id,
        provinceCode: system.provinceCode,
      }) &&
      system.lifecycle !== 'RETIRED';
    const claim = await this.priorApprovals.current(user, id).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') return null;
      throw error;
    });
    const approvedThroughWorkflow = dossiers.items.some((d) => d.status === 'APPROVED' || d.status === 'SUPERSEDED');
    const prior = {
      claim,
      // The owner's officer (or an administrator) declares a decision made before capdo, with its PDF.
      canClaim:
        (user.role === 'ADMIN' || (user.role === 'AGENCY_OFFICER' && user.agencyId === system.owner.id)) &&
        !approvedThroughWorkflow &&
        claim?.status !== 'CONFIRMED' &&
        system.lifecycle !== 'RETIRED' &&
        !system.stateSecret,
      canReview: roleHas(user.role, 'prior-approval:review') && claim?.status === 'CLAIMED',
      levels: SYSTEM_FORM_OPTIONS.levels.filter((l) => l.value !== ''),
    };
    return this.view.render(req, res, 'system', {
      system,
      dossiers: dossiers.items,
      open,
      canWrite,
      prior,
      canPrepare: canWrite && roleHas(user.role, 'dossier:write') && !system.stateSecret && system.lifecycle !== 'RETIRED',
      // After approval: one key per feature (plan items, inspections, incidents, re-determination), read by system.eta.
      afterApproval: {
        incidents: await this.incidents.register(user, id),
        inspections: await this.inspectionSchedule.forSystem(user, id),
        planItems: await this.planItems.plan(user, id),
        redetermination: redeterminationView(user, await this.redetermination.openFlag(user, id)),
      },
    });
  }

  @Get(':id/sua')
  @RequirePermission('system:write')
  async editForm(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
  ): Promise<void> {
    const system = await this.systems.get(user, id);
    return this.view.render(req, res, 'system-form', {
      mode: 'edit',
      system,
      derivedDeployment: await this.deploymentIsDerived(user, id),
      values: systemFormValues(system),
      errors: {},
      agencies: await this.agencyOptions(user, system),
      options: SYSTEM_FORM_OPTIONS,
    });
  }

  @Post(':id/sua')
  @RequirePermission('system:write')
  async update(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    try {
      const { plain, reader } = systemDtoFromForm(body, true);
      const updated = await this.systemCommands.update(user, id, await validated(UpdateSystemDto, plain, reader));
      return redirectWithFlash(req, res, `/he-thong/${id}`, `Đã lưu thay đổi của hệ thống "${updated.name}".`);
    } catch (error) {
      const failure = formFailure(error);
      const system = await this.systems.get(user, id);
      return this.view.render(
        req,
        res,
        'system-form',
        {
          mode: 'edit',
          system,
          derivedDeployment: await this.deploymentIsDerived(user, id),
          values: systemFormEcho(body),
          errors: failure.errors,
          failure,
          agencies: await this.agencyOptions(user, system),
          options: SYSTEM_FORM_OPTIONS,
        },
        failure.errors && Object.keys(failure.errors).length ? 422 : 409,
      );
    }
  }

  /** Once the approved plan has items, Mẫu 08 column 10 is computed from them and the form shows it instead of asking. */
  private async deploymentIsDerived(user: AuthUser, id: string): Promise<boolean> {
    return (await this.planItems.plan(user, id)).deploymentStatus !== null;
  }

  /** Agencies the user may pick as owner or operator: an officer's own, an administrator's every active body. */
  private async agencyOptions(
    user: AuthUser,
    system?: { owner: { id: string; code: string; name: string }; operator: { id: string; code: string; name: string } },
  ) {
    const page = await this.agencies.list(user, { page: 1, pageSize: 200, status: 'ACTIVE' } as AgencyListQuery);
    const options = page.items.map((a) => ({ value: a.id, label: `${a.name} (${a.code})` }));
    for (const ref of system ? [system.owner, system.operator] : []) {
      if (!options.some((o) => o.value === ref.id)) options.push({ value: ref.id, label: `${ref.name} (${ref.code})` });
    }
    return options;
  }
}
