import { Controller, Get, HttpCode, Post, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Response } from 'express';
import { AuthUser } from '../../auth/auth-user';
import { CurrentUser, RequirePermission } from '../../auth/auth.decorators';
import { LimitedPerUser } from '../../common/http/request-limits';
import { ImportReportDto, SheetFormatQuery, SystemExportQuery, SystemImportQuery } from './import-export.dto';
import { CSV_MEDIA_TYPE, MAX_IMPORT_BYTES, XLSX_MEDIA_TYPE } from './sheet-file';
import { SheetDownload, SystemsExportService } from './systems-export.service';
import { SystemsImportService, UploadedSheet } from './systems-import.service';

const FILE = { description: 'Tệp .xlsx hoặc .csv', schema: { type: 'string', format: 'binary' } } as const;

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
  @ApiProduces(XLSX_MEDIA_TYPE, CSV_MEDIA_TYPE)
  @ApiOkResponse(FILE)
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
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } }))
  @LimitedPerUser('import')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: 'Tệp .xlsx hoặc .csv (UTF-8), tối đa 10 MB' } },
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
  ): Promise<ImportReportDto> {
    return this.imports.import(user, file, query.dryRun === true, query.confirmPriorApprovals === true);
  }

  @Get('export')
  @RequirePermission('system:read')
  @LimitedPerUser('file')
  @ApiOperation({ summary: 'Xuất các hệ thống theo bộ lọc của danh sách ra xlsx/csv (cùng cột với tệp mẫu, nhập lại được)' })
  @ApiProduces(XLSX_MEDIA_TYPE, CSV_MEDIA_TYPE)
  @ApiOkResponse(FILE)
  async export(
    @CurrentUser() user: AuthUser,
    @Query() query: SystemExportQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return download(res, await this.exports.export(user, query));
  }
}
