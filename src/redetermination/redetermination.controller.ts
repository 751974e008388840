import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { uuidPipe } from '../common/http/uuid-pipe';
import {
  DismissFlagDto,
  FlagListQuery,
  RecordTriggerDto,
  RedeterminationFlagDto,
  RedeterminationFlagPageDto,
} from './dto/redetermination.dto';
import { RedeterminationReviewService } from './redetermination-review.service';

@ApiTags('Xác định lại cấp độ')
@Controller('api/v1')
export class RedeterminationController {
  constructor(private readonly review: RedeterminationReviewService) {}

  @Get('systems/:id/redetermination-flags')
  @RequirePermission('system:read')
  @ApiOperation({ summary: 'Các cảnh báo "cần xác định lại cấp độ" của hệ thống (đang mở trước)' })
  @ApiOkResponse({ type: [RedeterminationFlagDto] })
  ofSystem(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string): Promise<RedeterminationFlagDto[]> {
    return this.review.listForSystem(user, id);
  }

  @Post('systems/:id/redetermination-flags')
  @RequirePermission('redetermination:review')
  @ApiOperation({
    summary: 'Cán bộ thẩm định ghi căn cứ phải xác định lại cấp độ (Khoản 2, 5, 7 Điều 10; Khoản 3 Điều 8 Nghị định 331/2026/NĐ-CP)',
  })
  @ApiCreatedResponse({ type: RedeterminationFlagDto })
  record(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe) id: string,
    @Body() body: RecordTriggerDto,
  ): Promise<RedeterminationFlagDto> {
    return this.review.record(user, id, body);
  }

  @Post('systems/:id/redetermination-flags/:flagId/dismiss')
  @HttpCode(200)
  @RequirePermission('redetermination:review')
  @ApiOperation({ summary: 'Đóng cảnh báo kèm lý do bằng văn bản (không cần xác định lại cấp độ); được ghi nhật ký' })
  @ApiOkResponse({ type: RedeterminationFlagDto })
  dismiss(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe) id: string,
    @Param('flagId', uuidPipe) flagId: string,
    @Body() body: DismissFlagDto,
  ): Promise<RedeterminationFlagDto> {
    return this.review.dismiss(user, id, flagId, body);
  }

  @Get('redetermination-flags')
  @RequirePermission('system:read')
  @ApiOperation({
    summary:
      'Cảnh báo xác định lại cấp độ trong phạm vi được xem: tỉnh (thẩm định, lãnh đạo), cơ quan mình (cán bộ), tất cả (quản trị); mặc định status=OPEN',
  })
  @ApiOkResponse({ type: RedeterminationFlagPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: FlagListQuery): Promise<RedeterminationFlagPageDto> {
    return this.review.list(user, query);
  }
}
