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
  FindingDto,
  InspectionDto,
  InspectionDuePageDto,
  InspectionScheduleDto,
  InspectionsDueQuery,
  RecordInspectionBody,
  UpdateFindingDto,
} from './dto/inspection.dto';
import { InspectionFindingsService } from './inspection-findings.service';
import { InspectionRecordingService, UploadedReport } from './inspection-recording.service';
import { InspectionScheduleService } from './inspection-schedule.service';

@ApiTags('Kiểm tra, đánh giá')
@Controller('api/v1')
export class InspectionsController {
  constructor(
    private readonly recording: InspectionRecordingService,
    private readonly findings: InspectionFindingsService,
    private readonly schedule: InspectionScheduleService,
  ) {}

  @Get('inspections/due')
  @RequirePermission('system:read')
  @ApiOperation({ summary: 'Các hệ thống đến hạn hoặc quá hạn kiểm tra, đánh giá (trong phạm vi được xem), quá hạn trước' })
  @ApiOkResponse({ type: InspectionDuePageDto })
  due(@CurrentUser() user: AuthUser, @Query() query: InspectionsDueQuery): Promise<InspectionDuePageDto> {
    return this.schedule.due(user, query);
  }

  @Get('systems/:id/inspection-schedule')
  @RequirePermission('system:read')
  @ApiOperation({ summary: 'Hạn kiểm tra, đánh giá kế tiếp của hệ thống, có căn cứ pháp lý' })
  @ApiOkResponse({ type: InspectionScheduleDto })
  scheduleOf(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string): Promise<InspectionScheduleDto> {
    return this.schedule.forSystem(user, id);
  }

  @Get('systems/:id/inspections')
  @RequirePermission('system:read')
  @ApiOperation({ summary: 'Các lần kiểm tra, đánh giá của hệ thống, mới nhất trước, kèm tồn tại cần khắc phục' })
  @ApiOkResponse({ type: [InspectionDto] })
  list(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string): Promise<InspectionDto[]> {
    return this.recording.list(user, id);
  }

  @Post('systems/:id/inspections')
  @RequirePermission('inspection:write')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: RecordInspectionBody, description: 'Trong biểu mẫu multipart: `findings` là chuỗi JSON, `file` là báo cáo (tùy chọn)' })
  @ApiOperation({ summary: 'Ghi nhận một lần kiểm tra, đánh giá với báo cáo (tùy chọn) và các tồn tại cần khắc phục' })
  @ApiCreatedResponse({ type: InspectionDto })
  record(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe) id: string,
    @Body() body: RecordInspectionBody,
    @UploadedFile() file: UploadedReport | undefined,
  ): Promise<InspectionDto> {
    return this.recording.record(user, id, body, file);
  }

  @Get('systems/:id/inspections/:inspectionId/report')
  @RequirePermission('system:read')
  @ApiOperation({ summary: 'Tải về báo cáo kiểm tra, đánh giá' })
  @ApiFileResponse('Báo cáo kiểm tra, đánh giá, với loại tệp nhận biết từ nội dung khi tải lên', Object.keys(ALLOWED_MEDIA_TYPES))
  async report(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe) id: string,
    @Param('inspectionId', uuidPipe) inspectionId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.recording.report(user, id, inspectionId);
    res.set(downloadHeaders(file.fileName, file.mediaType));
    return new StreamableFile(file.content, { type: file.mediaType, length: file.content.length });
  }

  @Patch('systems/:id/inspections/:inspectionId/findings/:findingId')
  @RequirePermission('inspection:write')
  @ApiOperation({ summary: 'Cập nhật tồn tại cần khắc phục: đã khắc phục (ngày, ghi chú) hoặc hạn mới' })
  @ApiOkResponse({ type: FindingDto })
  updateFinding(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe) id: string,
    @Param('inspectionId', uuidPipe) inspectionId: string,
    @Param('findingId', uuidPipe) findingId: string,
    @Body() body: UpdateFindingDto,
  ): Promise<FindingDto> {
    return this.findings.update(user, id, inspectionId, findingId, body);
  }
}
