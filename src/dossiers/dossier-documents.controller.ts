import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { LimitedPerUser } from '../common/http/request-limits';
import { uuidPipe } from '../common/http/uuid-pipe';
import { ApiFileResponse, MEDIA_TYPES } from '../common/openapi/api-file-response';
import { DOCUMENT_FORMS } from '../documents/document-data';
import { downloadHeaders } from './attachment-type';
import { DossierDocumentsService } from './dossier-documents.service';

/** Every document a dossier may have: each form as PDF and as DOCX (e.g. `mau-01.pdf`). */
const DOCUMENT_FILES = DOCUMENT_FORMS.flatMap((form) => [`${form}.pdf`, `${form}.docx`]);

@ApiTags('Hồ sơ đề xuất cấp độ')
@Controller('api/v1/dossiers/:id/documents')
export class DossierDocumentsController {
  constructor(private readonly documents: DossierDocumentsService) {}

  @Get(':file')
  @RequirePermission('dossier:read')
  @LimitedPerUser('file')
  @ApiParam({ name: 'file', enum: DOCUMENT_FILES, description: 'Mẫu văn bản và định dạng' })
  @ApiFileResponse('Văn bản .pdf hoặc .docx', [MEDIA_TYPES.pdf, MEDIA_TYPES.docx])
  @ApiOperation({ summary: 'Văn bản theo mẫu: mau-01 … mau-07, thuyet-minh — dạng .pdf hoặc .docx' })
  async download(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe) id: string,
    @Param('file') file: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const document = await this.documents.render(user, id, file);
    res.set(downloadHeaders(document.fileName, document.mediaType));
    return new StreamableFile(document.content, { type: document.mediaType, length: document.content.length });
  }
}
