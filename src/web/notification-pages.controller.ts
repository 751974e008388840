import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { uuidPipe } from '../common/http/uuid-pipe';
import { NotificationListQuery } from '../notifications/dto/notification.dto';
import { NotificationInboxService } from '../notifications/notification-inbox.service';
import { PageRenderer } from './page-renderer.service';
import { redirectWithFlash } from './page-session';
import { WebPages } from './web-page.decorator';

/** The signed-in user's inbox. Opening a notification marks it read and goes to its dossier. */
@WebPages()
@Controller('thong-bao')
export class NotificationPagesController {
  constructor(
    private readonly view: PageRenderer,
    private readonly notificationInbox: NotificationInboxService,
  ) {}

  @Get()
  @RequirePermission('notification:read')
  async inbox(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Query('chuaDoc') unreadOnly?: string,
    @Query('trang') page?: string,
  ): Promise<void> {
    const current = Math.max(1, Number(page) || 1);
    const result = await this.notificationInbox.list(
      user,
      Object.assign(new NotificationListQuery(), { unreadOnly: unreadOnly === '1', page: current, pageSize: 30 }),
    );
    return this.view.render(req, res, 'inbox', { result, unreadOnly: unreadOnly === '1', pages: Math.ceil(result.total / 30) });
  }

  @Post(':id/mo')
  @RequirePermission('notification:read')
  async open(@CurrentUser() user: AuthUser, @Res() res: Response, @Param('id', uuidPipe) id: string): Promise<void> {
    await this.notificationInbox.markRead(user, id);
    const [row] = (await this.notificationInbox.list(user, Object.assign(new NotificationListQuery(), { pageSize: 200 }))).items.filter(
      (n) => n.id === id,
    );
    res.redirect(
      303,
      row?.dossierId ? (user.role === 'APPRAISER' ? `/tham-dinh/${row.dossierId}` : `/ho-so/${row.dossierId}`) : '/thong-bao',
    );
  }

  @Post('da-doc-tat-ca')
  @RequirePermission('notification:read')
  async readAll(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.notificationInbox.markAllRead(user);
    return redirectWithFlash(req, res, '/thong-bao', 'Đã đánh dấu mọi thông báo là đã đọc.');
  }
}
