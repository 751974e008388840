import { Controller, Get, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { roleHas } from '../auth/permissions';
import { isEditable, isOpen } from '../dossiers/dossier-status';
import { DossierListQuery } from '../dossiers/dto/dossier.dto';
import { SystemListQuery } from '../systems/dto/system.dto';
import { DossierCompletenessService } from '../dossiers/dossier-completeness.service';
import { DossiersQueryService } from '../dossiers/dossiers-query.service';
import { SystemsQueryService } from '../systems/systems-query.service';
import { PageRenderer } from './page-renderer.service';
import { WebPages } from './web-page.decorator';

const HOME_OF: Record<string, string> = { APPRAISER: '/tham-dinh', LEADER: '/bao-cao', ADMIN: '/quan-tri' };

/** `/`: an agency's desk for its officers and heads (systems, dossiers with their states and due dates, what is missing); others go to their main screen. */
@WebPages()
@Controller()
export class HomePageController {
  constructor(
    private readonly view: PageRenderer,
    private readonly systems: SystemsQueryService,
    private readonly dossiers: DossiersQueryService,
    private readonly completeness: DossierCompletenessService,
  ) {}

  @Get()
  @RequirePermission('profile:read')
  async home(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (HOME_OF[user.role]) return res.redirect(303, HOME_OF[user.role]);
    const [systems, dossiers] = await Promise.all([
      this.systems.list(user, { page: 1, pageSize: 200, sort: 'name' } as SystemListQuery),
      this.dossiers.list(user, { page: 1, pageSize: 200 } as DossierListQuery),
    ]);
    // What the officer still prepares: the dossiers they may edit (drafting, or supplementing after a return).
    const open = dossiers.items.filter((d) => isEditable(d.status));
    const missing = await Promise.all(open.map(async (d) => ({ dossier: d, completeness: await this.completeness.check(user, d.id) })));
    const withDossier = new Set(dossiers.items.filter((d) => isOpen(d.status) || d.status === 'APPROVED').map((d) => d.system.id));
    const withoutDossier = systems.items.filter((s) => !withDossier.has(s.id) && s.approvedLevel === null && s.lifecycle !== 'RETIRED');
    // An agency's head reads the same desk but registers and prepares nothing (no system:write).
    const canWrite = roleHas(user.role, 'system:write');
    return this.view.render(req, res, 'home', { systems: systems.items, dossiers: dossiers.items, missing, withoutDossier, canWrite });
  }
}
