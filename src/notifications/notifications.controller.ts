import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { uuidPipe } from '../common/http/uuid-pipe';
import { NotificationListQuery, NotificationPageDto } from './dto/notification.dto';
import { NotificationInboxService } from './notification-inbox.service';

@ApiTags('Thông báo')
@Controller('api/v1/notifications')
export class NotificationsController {
  constructor(private readonly inbox: NotificationInboxService) {}

  @Get()
  @RequirePermission('notification:read')
  @ApiOperation({ summary: 'Thông báo của người đang đăng nhập, mới nhất trước' })
  @ApiOkResponse({ type: NotificationPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: NotificationListQuery): Promise<NotificationPageDto> {
    return this.inbox.list(user, query);
  }

  @Post('read-all')
  @HttpCode(204)
  @RequirePermission('notification:read')
  @ApiOperation({ summary: 'Đánh dấu mọi thông báo là đã đọc' })
  @ApiNoContentResponse()
  readAll(@CurrentUser() user: AuthUser): Promise<void> {
    return this.inbox.markAllRead(user);
  }

  @Post(':id/read')
  @HttpCode(204)
  @RequirePermission('notification:read')
  @ApiOperation({ summary: 'Đánh dấu một thông báo là đã đọc' })
  @ApiNoContentResponse()
  read(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string): Promise<void> {
    return this.inbox.markRead(user, id);
  }
}
