import { Body, Controller, Get, Param, Patch, Post, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { uuidPipe } from '../common/http/uuid-pipe';
import { ApiFileResponse } from '../common/openapi/api-file-response';
import { ALLOWED_MEDIA_TYPES, downloadHeaders, MAX_ATTACHMENT_BYTES } from '../dossiers/attachment-type';
import {
  PlanItemDto,
  PlanItemEventDto,
  PlanItemEvidenceDto,
  PlanItemEvidenceUploadDto,
  PlanItemListQuery,
  PlanItemPageDto,
  SystemPlanDto,
  UpdatePlanItemDto,
} from './dto/plan-item.dto';
import { PlanItemEvidenceService, UploadedEvidence } from './plan-item-evidence.service';
import { PlanItemsService } from './plan-items.service';

@ApiTags('Phương án bảo đảm an toàn sau phê duyệt')
@Controller('api/v1')
export class PlanItemsController {
  constructor(
    private readonly items: PlanItemsService,
    private readonly evidence: PlanItemEvidenceService,
  ) {}

  @Get('systems/:id/plan-items')
  @RequirePermission('system:read')
  @ApiOperation({ summary: 'Các hạng mục của phương án đã phê duyệt theo bảy mục a–g, tình hình triển khai (Mẫu 08 cột 10–11)' })
  @ApiOkResponse({ type: SystemPlanDto })
  plan(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string): Promise<SystemPlanDto> {
    return this.items.plan(user, id);
  }

  @Patch('systems/:id/plan-items/:itemId')
  @RequirePermission('plan-item:write')
  @ApiOperation({ summary: 'Cập nhật một hạng mục (trạng thái, thời hạn, đơn vị chịu trách nhiệm, biện pháp, lý do); cần phiên bản' })
  @ApiOkResponse({ type: PlanItemDto })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe) id: string,
    @Param('itemId', uuidPipe) itemId: string,
    @Body() dto: UpdatePlanItemDto,
  ): Promise<PlanItemDto> {
    return this.items.update(user, id, itemId, dto);
  }

  @Get('systems/:id/plan-items/:itemId/history')
  @RequirePermission('system:read')
  @ApiOperation({ summary: 'Lịch sử của một hạng mục' })
  @ApiOkResponse({ type: [PlanItemEventDto] })
  history(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe) id: string,
    @Param('itemId', uuidPipe) itemId: string,
  ): Promise<PlanItemEventDto[]> {
    return this.items.history(user, id, itemId);
  }

  @Post('systems/:id/plan-items/:itemId/evidence')
  @RequirePermission('plan-item:write')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: 'Tải lên tệp minh chứng (PDF, DOCX, XLSX, PNG, JPEG; tối đa 20 MB)' })
  @ApiCreatedResponse({ type: PlanItemEvidenceDto })
  upload(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe) id: string,
    @Param('itemId', uuidPipe) itemId: string,
    @Body() _fields: PlanItemEvidenceUploadDto,
    @UploadedFile() file: UploadedEvidence | undefined,
  ): Promise<PlanItemEvidenceDto> {
    return this.evidence.upload(user, id, itemId, file);
  }

  @Get('systems/:id/plan-items/:itemId/evidence/:fileId')
  @RequirePermission('system:read')
  @ApiOperation({ summary: 'Tải về tệp minh chứng' })
  @ApiFileResponse('Tệp minh chứng, với loại tệp nhận biết từ nội dung khi tải lên', Object.keys(ALLOWED_MEDIA_TYPES))
  async download(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe) id: string,
    @Param('itemId', uuidPipe) itemId: string,
    @Param('fileId', uuidPipe) fileId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.evidence.download(user, id, itemId, fileId);
    res.set(downloadHeaders(file.fileName, file.mediaType));
    return new StreamableFile(file.content, { type: file.mediaType, length: file.content.length });
  }

  @Get('plan-items')
  @RequirePermission('system:read')
  @ApiOperation({ summary: 'Hạng mục phương án của các hệ thống trong phạm vi (lọc theo cơ quan, trạng thái, quá hạn)' })
  @ApiOkResponse({ type: PlanItemPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: PlanItemListQuery): Promise<PlanItemPageDto> {
    return this.items.list(user, query);
  }
}
