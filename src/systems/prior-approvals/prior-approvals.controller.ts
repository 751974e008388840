import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiBodyOptions, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { AuthUser } from '../../auth/auth-user';
import { CurrentUser, RequirePermission } from '../../auth/auth.decorators';
import { uuidPipe } from '../../common/http/uuid-pipe';
import { ApiFileResponse } from '../../common/openapi/api-file-response';
import { downloadHeaders } from '../../dossiers/attachment-type';
import {
  ConfirmPriorApprovalDto,
  PriorApprovalClaimBody,
  PriorApprovalClaimDto,
  PriorApprovalClaimPageDto,
  PriorApprovalQueueQuery,
  RejectPriorApprovalDto,
} from './dto/prior-approval.dto';
import { EVIDENCE_MEDIA_TYPE, MAX_EVIDENCE_BYTES } from './prior-approval-rules';
import { PriorApprovalsService, UploadedEvidence } from './prior-approvals.service';

const CLAIM_FORM: ApiBodyOptions = {
  schema: {
    type: 'object',
    required: ['level', 'decisionNumber', 'decisionDate', 'issuer', 'file'],
    properties: {
      level: { type: 'integer', minimum: 1, maximum: 5 },
      decisionNumber: { type: 'string', maxLength: 60, example: '106/QĐ-CAT-PA05' },
      decisionDate: { type: 'string', format: 'date', example: '2024-05-20' },
      issuer: { type: 'string', maxLength: 255, example: 'Công an tỉnh Sơn La' },
      file: { type: 'string', format: 'binary', description: 'Bản quyết định phê duyệt (PDF, tối đa 10 MB)' },
    },
  },
};

@ApiTags('Hệ thống thông tin')
@Controller('api/v1')
export class PriorApprovalsController {
  constructor(private readonly claims: PriorApprovalsService) {}

  @Post('systems/:id/prior-approval')
  @RequirePermission('system:write')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody(CLAIM_FORM)
  @ApiOperation({
    summary: 'Kê khai quyết định phê duyệt cấp độ đã có trước khi dùng capdo (kèm bản PDF); chỉ được tính sau khi được xác nhận',
  })
  @ApiCreatedResponse({ type: PriorApprovalClaimDto })
  claim(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe) id: string,
    @Body() body: PriorApprovalClaimBody,
    @UploadedFile() file: UploadedEvidence | undefined,
  ): Promise<PriorApprovalClaimDto> {
    return this.claims.claim(user, id, body, file);
  }

  @Get('systems/:id/prior-approval')
  @RequirePermission('system:read')
  @ApiOperation({ summary: 'Kê khai quyết định phê duyệt cấp độ hiện tại của hệ thống và trạng thái xác nhận' })
  @ApiOkResponse({ type: PriorApprovalClaimDto })
  current(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string): Promise<PriorApprovalClaimDto> {
    return this.claims.current(user, id);
  }

  @Get('systems/:id/prior-approval/evidence')
  @RequirePermission('system:read')
  @ApiOperation({ summary: 'Tải về bản quyết định phê duyệt (PDF) của kê khai hiện tại' })
  @ApiFileResponse('Bản quyết định phê duyệt (PDF)', [EVIDENCE_MEDIA_TYPE])
  async evidence(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.claims.evidence(user, id);
    res.set(downloadHeaders(file.fileName, file.mediaType));
    return new StreamableFile(file.content, { type: file.mediaType, length: file.content.length });
  }

  @Post('systems/:id/prior-approval/confirm')
  @HttpCode(200)
  @RequirePermission('prior-approval:review')
  @ApiOperation({ summary: 'Xác nhận kê khai (cán bộ thẩm định của tỉnh hoặc quản trị viên): cấp độ được ghi nhận cho hệ thống' })
  @ApiOkResponse({ type: PriorApprovalClaimDto })
  confirm(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe) id: string,
    @Body() body: ConfirmPriorApprovalDto,
  ): Promise<PriorApprovalClaimDto> {
    return this.claims.confirm(user, id, body);
  }

  @Post('systems/:id/prior-approval/reject')
  @HttpCode(200)
  @RequirePermission('prior-approval:review')
  @ApiOperation({ summary: 'Không xác nhận kê khai, kèm lý do; hệ thống giữ nguyên' })
  @ApiOkResponse({ type: PriorApprovalClaimDto })
  reject(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe) id: string,
    @Body() body: RejectPriorApprovalDto,
  ): Promise<PriorApprovalClaimDto> {
    return this.claims.reject(user, id, body);
  }

  @Get('prior-approval-claims')
  @RequirePermission('prior-approval:review')
  @ApiOperation({ summary: 'Các kê khai quyết định phê duyệt chờ xác nhận trong tỉnh (mặc định status=CLAIMED)' })
  @ApiOkResponse({ type: PriorApprovalClaimPageDto })
  queue(@CurrentUser() user: AuthUser, @Query() query: PriorApprovalQueueQuery): Promise<PriorApprovalClaimPageDto> {
    return this.claims.queue(user, query);
  }
}
