import { Controller, Get, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { RequirePermission } from '../auth/auth.decorators';
import { ROLE_LABELS, ROLES } from '../users/role';
import { UsersService } from '../users/users.service';
import { PageRenderer } from './page-renderer.service';
import { WebPages } from './web-page.decorator';

/** Accounts, read only: accounts are created with `npm run user:create`. */
@WebPages()
@Controller('quan-tri/nguoi-dung')
export class AdminUsersPagesController {
  constructor(
    private readonly view: PageRenderer,
    private readonly usersService: UsersService,
  ) {}

  @Get()
  @RequirePermission('agency:write')
  async users(@Req() req: Request, @Res() res: Response): Promise<void> {
    const accounts = await this.usersService.list();
    const users = accounts.map((u) => ({
      username: u.username,
      full_name: u.fullName,
      role: u.role,
      roleLabel: ROLE_LABELS[u.role],
      email: u.email,
      active: u.active,
      agency: u.agencyName,
    }));
    // The roles `user:create --role` accepts, with what each is called on the pages.
    const roles = ROLES.map((code) => ({ code, label: ROLE_LABELS[code] }));
    return this.view.render(req, res, 'admin-users', { users, roles });
  }
}
