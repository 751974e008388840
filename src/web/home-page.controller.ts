import { Controller, Get, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { DossierListQuery } from '../dossiers/dto/dossier.dto';
import { SystemListQuery } from '../systems/dto/system.dto';
import { PageRenderer } from './page-renderer.service';
import { WebPages } from './web-page.decorator';
import { WebServices } from './web-services';

const OPEN = ['DRAFT', 'RETURNED'];
const HOME_OF: Record<string, string> = { APPRAISER: '/tham-dinh', LEADER: '/bao-cao', ADMIN: '/quan-tri' };

/** `/`: an officer's desk (systems, dossiers with their states and due dates, what is missing); others go to their main screen. */
@WebPages()
@Controller()
export class HomePageController {
  constructor(
    private readonly view: PageRenderer,
    private readonly services: WebServices,
  ) {}

  @Get()
  @RequirePermission('profile:read')
  async home(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (HOME_OF[user.role]) return res.redirect(303, HOME_OF[user.role]);
    const [systems, dossiers] = await Promise.all([
      this.services.systems.list(user, { page: 1, pageSize: 200, sort: 'name' } as SystemListQuery),
      this.services.dossiers.list(user, { page: 1, pageSize: 200 } as DossierListQuery),
    ]);
    const open = dossiers.items.filter((d) => OPEN.includes(d.status));
    const missing = await Promise.all(open.map(async (d) => ({ dossier: d, completeness: await this.services.completeness.check(user, d.id) })));
    const withDossier = new Set(dossiers.items.filter((d) => !['WITHDRAWN', 'SUPERSEDED'].includes(d.status)).map((d) => d.system.id));
    const withoutDossier = systems.items.filter((s) => !withDossier.has(s.id) && s.approvedLevel === null && s.lifecycle !== 'RETIRED');
    return this.view.render(req, res, 'home', { systems: systems.items, dossiers: dossiers.items, missing, withoutDossier });
  }
}
