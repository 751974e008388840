import { Controller, Get, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { RequirePermission } from '../auth/auth.decorators';
import { PageRenderer } from './page-renderer.service';
import { WebPages } from './web-page.decorator';

/** `/quan-tri`: the administration menu (agencies, accounts, routing, calendar, campaigns, audit log). */
@WebPages()
@Controller('quan-tri')
export class AdminHomePageController {
  constructor(private readonly view: PageRenderer) {}

  @Get()
  @RequirePermission('agency:write')
  index(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.view.render(req, res, 'admin', {});
  }
}
