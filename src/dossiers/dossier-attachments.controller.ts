import { Body, Controller, Delete, Get, HttpCode, Param, Post, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Response } from 'express';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { uuidPipe } from '../common/http/uuid-pipe';
import { ApiFileResponse } from '../common/openapi/api-file-response';
import { AttachmentDto, AttachmentUploadDto } from './dto/dossier.dto';
import { ALLOWED_MEDIA_TYPES, downloadHeaders, MAX_ATTACHMENT_BYTES } from './attachment-type';
import { DossierAttachmentsService, UploadedFile as StoredFile } from './dossier-attachments.service';
import { AttachmentKind } from './dossier-plan';

@ApiTags('Hồ sơ đề xuất cấp độ')
@Controller('api/v1/dossiers/:id/attachments')
export class DossierAttachmentsController {
  constructor(private readonly attachments: DossierAttachmentsService) {}

  @Post()
  @RequirePermission('dossier:write')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['kind', 'file'],
      properties: {
        kind: { type: 'string', enum: ['DESIGN_DOCUMENT', 'EXPERT_OPINION', 'RISK_ASSESSMENT', 'INTERNAL_REGULATION', 'OTHER'] },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiOperation({ summary: 'Tải lên tệp đính kèm (PDF, DOCX, XLSX, PNG, JPEG; tối đa 20 MB)' })
  @ApiCreatedResponse({ type: AttachmentDto })
  upload(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe) id: string,
    @Body() body: AttachmentUploadDto,
    @UploadedFile() file: StoredFile | undefined,
  ): Promise<AttachmentDto> {
    return this.attachments.upload(user, id, body.kind as AttachmentKind, file);
  }

  @Get(':attachmentId')
  @RequirePermission('dossier:read')
  @ApiOperation({ summary: 'Tải về tệp đính kèm (tên theo loại tệp nhận biết từ nội dung; hệ thống bí mật nhà nước: 422)' })
  @ApiFileResponse('Tệp đính kèm, với loại tệp nhận biết từ nội dung khi tải lên', Object.keys(ALLOWED_MEDIA_TYPES))
  @ApiUnprocessableEntityResponse({
    description: 'STATE_SECRET_OFFLINE_DOSSIER: hồ sơ hệ thống bí mật nhà nước không có tệp trên hệ thống nối mạng',
  })
  async download(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe) id: string,
    @Param('attachmentId', uuidPipe) attachmentId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.attachments.download(user, id, attachmentId);
    res.set(downloadHeaders(file.fileName, file.mediaType));
    return new StreamableFile(file.content, { type: file.mediaType, length: file.content.length });
  }

  @Delete(':attachmentId')
  @HttpCode(204)
  @RequirePermission('dossier:write')
  @ApiOperation({ summary: 'Xóa tệp đính kèm của hồ sơ dự thảo' })
  @ApiNoContentResponse({ description: 'Đã xóa' })
  remove(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe) id: string,
    @Param('attachmentId', uuidPipe) attachmentId: string,
  ): Promise<void> {
    return this.attachments.remove(user, id, attachmentId);
  }
}
