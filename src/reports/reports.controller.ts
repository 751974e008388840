import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { LimitedPerUser } from '../common/http/request-limits';
import { ApiFileResponse, MEDIA_TYPES } from '../common/openapi/api-file-response';
import { AfterApprovalExportsService } from './after-approval-exports.service';
import { AfterApprovalService } from './after-approval.service';
import { AfterApprovalExportQuery } from './dto/after-approval-export.dto';
import { AfterApprovalQuery, AfterApprovalReportDto } from './dto/after-approval.dto';
import { ANNUAL_REPORT_FORMATS, AnnualReportDto, AnnualReportQuery } from './dto/annual-report.dto';
import { PipelineQuery, PipelineReportDto } from './dto/pipeline.dto';
import { ApprovalRateReportDto, REPORT_FORMATS, ReportQuery } from './dto/report.dto';
import { PipelineService } from './pipeline.service';
import { ReportDownloadService } from './report-download.service';

/** The media types of a report's file formats (`format=…`), as the OpenAPI document declares them. */
const fileMediaTypes = (formats: readonly string[]): string[] =>
  formats.flatMap((format) => (format in MEDIA_TYPES ? [MEDIA_TYPES[format as keyof typeof MEDIA_TYPES]] : []));

@ApiTags('Báo cáo')
@Controller('api/v1/reports')
export class ReportsController {
  constructor(
    private readonly downloads: ReportDownloadService,
    private readonly pipeline: PipelineService,
    private readonly afterApproval: AfterApprovalService,
    private readonly afterApprovalExports: AfterApprovalExportsService,
  ) {}

  @Get('approval-rate')
  @RequirePermission('report:read')
  @LimitedPerUser('file', (req) => (req.query.format ?? 'json') !== 'json')
  @ApiOperation({
    summary:
      'Tỷ lệ cơ quan đã gửi và đã được phê duyệt hồ sơ cấp độ, tính đến một ngày (JSON, hoặc tải về CSV, ZIP các bảng CSV, XLSX, PDF)',
  })
  @ApiFileResponse('Báo cáo (JSON), hoặc tệp theo `format`', fileMediaTypes(REPORT_FORMATS), { json: ApprovalRateReportDto })
  approvalRateReport(@CurrentUser() user: AuthUser, @Query() query: ReportQuery): Promise<ApprovalRateReportDto | StreamableFile> {
    return this.downloads.approvalRate(user, query);
  }

  @Get('annual')
  @RequirePermission('report:read')
  @LimitedPerUser('file')
  @ApiOperation({
    summary:
      'Báo cáo năm theo Mẫu 08 (Nghị định 331/2026): số liệu từ 15/12 năm trước đến 14/12 năm báo cáo (JSON, XLSX, PDF); quản trị viên: bản tổng hợp toàn quốc theo tỉnh (scope=national, hoặc không chọn tỉnh hay cơ quan gốc)',
  })
  @ApiFileResponse('Báo cáo năm (JSON), hoặc tệp theo `format`', fileMediaTypes(ANNUAL_REPORT_FORMATS), { json: AnnualReportDto })
  annualReport(@CurrentUser() user: AuthUser, @Query() query: AnnualReportQuery): Promise<AnnualReportDto | StreamableFile> {
    return this.downloads.annual(user, query);
  }

  @Get('pipeline')
  @RequirePermission('report:read')
  @ApiOperation({ summary: 'Hồ sơ theo trạng thái tại một ngày, hồ sơ quá hạn theo đơn vị thẩm định, thời gian đến khi phê duyệt' })
  @ApiOkResponse({ type: PipelineReportDto })
  pipelineReport(@CurrentUser() user: AuthUser, @Query() query: PipelineQuery): Promise<PipelineReportDto> {
    return this.pipeline.report(user, query);
  }

  @Get('after-approval')
  @RequirePermission('report:read')
  @ApiOperation({
    summary:
      'Sau phê duyệt, theo nhóm cấp độ: phương án đã triển khai đầy đủ, kiểm tra đúng hạn và quá hạn, sự cố đang mở, hệ thống cần xác định lại cấp độ',
  })
  @ApiOkResponse({ type: AfterApprovalReportDto })
  afterApprovalReport(@CurrentUser() user: AuthUser, @Query() query: AfterApprovalQuery): Promise<AfterApprovalReportDto> {
    return this.afterApproval.report(user, query);
  }

  @Get('plan-items.xlsx')
  @RequirePermission('report:read')
  @LimitedPerUser('file')
  @ApiOperation({ summary: 'Tải XLSX các hạng mục phương án bảo đảm an toàn theo cơ quan' })
  @ApiFileResponse('Tệp XLSX', [MEDIA_TYPES.xlsx])
  planItemsXlsx(@CurrentUser() user: AuthUser, @Query() query: AfterApprovalExportQuery): Promise<StreamableFile> {
    return this.afterApprovalExports.planItems(user, query);
  }

  @Get('inspections.xlsx')
  @RequirePermission('report:read')
  @LimitedPerUser('file')
  @ApiOperation({ summary: 'Tải XLSX lịch và kết quả kiểm tra, đánh giá theo cơ quan' })
  @ApiFileResponse('Tệp XLSX', [MEDIA_TYPES.xlsx])
  inspectionsXlsx(@CurrentUser() user: AuthUser, @Query() query: AfterApprovalExportQuery): Promise<StreamableFile> {
    return this.afterApprovalExports.inspections(user, query);
  }
}
