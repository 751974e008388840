import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { notFound } from '../common/errors/domain-error';
import { uuidPipe } from '../common/http/uuid-pipe';

const revisionNumberPipe = new ParseIntPipe({ exceptionFactory: () => notFound('Không có lần gửi này.') });
import { HistoryEntryDto, QueuePageDto, QueueQuery, RevisionDto, RevisionSummaryDto } from './dto/history.dto';
import { AppraisalQueueService } from './appraisal-queue.service';
import { DossierHistoryService } from './dossier-history.service';

@ApiTags('Thẩm định, phê duyệt')
@Controller('api/v1')
export class DossierHistoryController {
  constructor(
    private readonly history: DossierHistoryService,
    private readonly queue: AppraisalQueueService,
  ) {}

  @Get('dossiers/:id/history')
  @RequirePermission('dossier:read')
  @ApiOperation({ summary: 'Lịch sử xử lý hồ sơ: ai, khi nào, từ trạng thái nào sang trạng thái nào, lần gửi nào' })
  @ApiOkResponse({ type: [HistoryEntryDto] })
  historyOf(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string): Promise<HistoryEntryDto[]> {
    return this.history.history(user, id);
  }

  @Get('dossiers/:id/revisions')
  @RequirePermission('dossier:read')
  @ApiOperation({ summary: 'Các lần gửi đã chốt, kèm mã SHA-256' })
  @ApiOkResponse({ type: [RevisionSummaryDto] })
  revisions(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string): Promise<RevisionSummaryDto[]> {
    return this.history.revisions(user, id);
  }

  @Get('dossiers/:id/revisions/:number')
  @RequirePermission('dossier:read')
  @ApiOperation({ summary: 'Nội dung một lần gửi đã chốt' })
  @ApiOkResponse({ type: RevisionDto })
  revision(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe) id: string,
    @Param('number', revisionNumberPipe) number: number,
  ): Promise<RevisionDto> {
    return this.history.revision(user, id, number);
  }

  @Get('appraisal-queue')
  @RequirePermission('dossier:appraise')
  @ApiOperation({ summary: 'Hồ sơ đơn vị cần xử lý, sắp theo hạn; đánh dấu quá hạn' })
  @ApiOkResponse({ type: QueuePageDto })
  queueOf(@CurrentUser() user: AuthUser, @Query() query: QueueQuery): Promise<QueuePageDto> {
    return this.queue.queue(user, query);
  }

  @Get('decision-queue')
  @RequirePermission('dossier:decide')
  @ApiOperation({
    summary: 'Hồ sơ chờ lãnh đạo cơ quan chủ quản quyết định (gửi thẩm định cấp độ 4, 5; phê duyệt theo Tờ trình), sắp theo hạn',
  })
  @ApiOkResponse({ type: QueuePageDto })
  decisionQueue(@CurrentUser() user: AuthUser, @Query() query: QueueQuery): Promise<QueuePageDto> {
    return this.queue.queue(user, query);
  }
}
