import { Body, Controller, Get, HttpCode, Post, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Response } from 'express';
import { AuthUser } from '../../auth/auth-user';
import { CurrentUser, RequirePermission } from '../../auth/auth.decorators';
import { LimitedPerUser } from '../../common/http/request-limits';
import { ApiFileResponse } from '../../common/openapi/api-file-response';
import { ImportReportDto, SheetFormatQuery, SystemExportQuery, SystemImportBody, SystemImportQuery } from './import-export.dto';
import { parseColumnMapping, UploadedSheet } from './import-reading';
import { ImportUploadInterceptor } from './import-upload.interceptor';
import { CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE } from './sheet-file';
import { SheetDownload, SystemsExportService } from './systems-export.service';
import { SystemsImportService } from './systems-import.service';

function download(res: Response, file: SheetDownload): StreamableFile {
  res.attachment(file.fileName);
  return new StreamableFile(file.content, { type: file.mediaType, length: file.content.length });
}

/** Registered before SystemsController, so that "import" and "export" are not taken for a system id. */
@ApiTags('Hệ thống thông tin')
@Controller('api/v1/systems')
export class SystemsImportExportController {
  constructor(
    private readonly imports: SystemsImportService,
    private readonly exports: SystemsExportService,
  ) {}

  @Get('import/template')
  @RequirePermission('system:read')
  @LimitedPerUser('file')
  @ApiOperation({ summary: 'Tải tệp mẫu nhập danh mục hệ thống (xlsx kèm trang "Hướng dẫn", hoặc csv)' })
  @ApiFileResponse('Tệp .xlsx hoặc .csv', [XLSX_MEDIA_TYPE, CSV_MEDIA_TYPE.split(';')[0]])
  async template(
    @CurrentUser() user: AuthUser,
    @Query() query: SheetFormatQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return download(res, await this.exports.template(user, query.format));
  }

  @Post('import')
  @HttpCode(200)
  @RequirePermission('system:write')
  @UseInterceptors(ImportUploadInterceptor)
  @LimitedPerUser('import')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description:
            'Tệp .xlsx hoặc .csv (UTF-8, UTF-16 có BOM hoặc Windows-1258; phân cách "," hoặc ";"), tối đa 10 MB. Nhận cả danh sách riêng của tỉnh: dòng tiêu đề được tìm trong 15 dòng đầu, cột nhận theo tên thường dùng, cơ quan theo mã hoặc tên',
        },
        mapping: {
          type: 'string',
          description:
            'Tùy chọn, JSON: ghép cột chưa nhận ra và giá trị chung cho cột thiếu, ví dụ {"columns": {"H": "description", "I": "ignore"}, "defaults": {"lifecycle": "Đang vận hành"}}',
        },
      },
    },
  })
  @ApiOperation({ summary: 'Nhập danh mục hệ thống từ tệp xlsx/csv: tất cả hoặc không; nhập lại cùng tệp không tạo trùng' })
  @ApiOkResponse({ type: ImportReportDto })
  @ApiUnprocessableEntityResponse({
    description:
      'IMPORT_FILE_INVALID (tệp không đọc được, thiếu cột) hoặc IMPORT_ROWS_INVALID (kèm báo cáo `report` liệt kê từng dòng, cột lỗi)',
  })
  import(
    @CurrentUser() user: AuthUser,
    @Query() query: SystemImportQuery,
    @UploadedFile() file: UploadedSheet | undefined,
    @Body() body: SystemImportBody,
  ): Promise<ImportReportDto> {
    return this.imports.import(user, file, query.dryRun === true, query.confirmPriorApprovals === true, parseColumnMapping(body.mapping));
  }

  @Get('export')
  @RequirePermission('system:read')
  @LimitedPerUser('file')
  @ApiOperation({ summary: 'Xuất các hệ thống theo bộ lọc của danh sách ra xlsx/csv (cùng cột với tệp mẫu, nhập lại được)' })
  @ApiFileResponse('Tệp .xlsx hoặc .csv', [XLSX_MEDIA_TYPE, CSV_MEDIA_TYPE.split(';')[0]])
  async export(
    @CurrentUser() user: AuthUser,
    @Query() query: SystemExportQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return download(res, await this.exports.export(user, query));
  }
}
