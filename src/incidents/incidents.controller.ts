import { Body, Controller, Get, Param, ParseEnumPipe, Patch, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { notFound } from '../common/errors/domain-error';
import { LimitedPerUser } from '../common/http/request-limits';
import { uuidPipe } from '../common/http/uuid-pipe';
import { ApiFileResponse, MEDIA_TYPES } from '../common/openapi/api-file-response';
import { downloadHeaders } from '../dossiers/attachment-type';
import { CreateIncidentDto, IncidentDto, IncidentListQuery, IncidentPageDto, UpdateIncidentDto } from './dto/incident.dto';
import { IncidentNoticeService } from './incident-notice.service';
import { IncidentsService } from './incidents.service';

const formatPipe = new ParseEnumPipe(['pdf', 'docx'], { exceptionFactory: () => notFound('Chỉ có bản .pdf hoặc .docx.') });

@ApiTags('Sự cố an ninh mạng')
@Controller('api/v1/systems/:id/incidents')
export class SystemIncidentsController {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly notices: IncidentNoticeService,
  ) {}

  @Get()
  @RequirePermission('system:read')
  @ApiOperation({ summary: 'Sổ sự cố của hệ thống: sự cố đang mở và thời hạn thông báo, báo cáo trước' })
  @ApiOkResponse({ type: [IncidentDto] })
  list(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) systemId: string): Promise<IncidentDto[]> {
    return this.incidents.listForSystem(user, systemId);
  }

  @Post()
  @RequirePermission('incident:write')
  @ApiOperation({ summary: 'Ghi nhận sự cố (điểm d khoản 2 Điều 31 Nghị định 331/2026/NĐ-CP: 24 giờ, 72 giờ, ngay lập tức)' })
  @ApiCreatedResponse({ type: IncidentDto })
  create(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) systemId: string, @Body() body: CreateIncidentDto): Promise<IncidentDto> {
    return this.incidents.create(user, systemId, body);
  }

  @Get(':incidentId')
  @RequirePermission('system:read')
  @ApiOperation({ summary: 'Một sự cố, các thời hạn và lịch sử' })
  @ApiOkResponse({ type: IncidentDto })
  get(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe) systemId: string,
    @Param('incidentId', uuidPipe) incidentId: string,
  ): Promise<IncidentDto> {
    return this.incidents.get(user, systemId, incidentId);
  }

  @Patch(':incidentId')
  @RequirePermission('incident:write')
  @ApiOperation({ summary: 'Cập nhật sự cố: đã gửi thông báo ban đầu, đã gửi báo cáo, biện pháp xử lý, đóng sự cố' })
  @ApiOkResponse({ type: IncidentDto })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe) systemId: string,
    @Param('incidentId', uuidPipe) incidentId: string,
    @Body() body: UpdateIncidentDto,
  ): Promise<IncidentDto> {
    return this.incidents.update(user, systemId, incidentId, body);
  }

  @Get(':incidentId/notice.:format')
  @RequirePermission('system:read')
  @LimitedPerUser('file')
  @ApiFileResponse('Văn bản .pdf hoặc .docx', [MEDIA_TYPES.pdf, MEDIA_TYPES.docx])
  @ApiOperation({ summary: 'Văn bản thông báo, báo cáo sự cố theo mẫu sửa được (templates/forms/thong-bao-su-co.json), .pdf hoặc .docx' })
  async notice(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe) systemId: string,
    @Param('incidentId', uuidPipe) incidentId: string,
    @Param('format', formatPipe) format: 'pdf' | 'docx',
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const notice = await this.notices.render(user, systemId, incidentId, format);
    res.set(downloadHeaders(notice.fileName, notice.contentType));
    return new StreamableFile(notice.body, { type: notice.contentType, length: notice.body.length });
  }
}

@ApiTags('Sự cố an ninh mạng')
@Controller('api/v1/incidents')
export class IncidentsController {
  constructor(private readonly incidents: IncidentsService) {}

  @Get()
  @RequirePermission('system:read')
  @ApiOperation({ summary: 'Sự cố của các hệ thống trong phạm vi được xem (tỉnh với thẩm định, lãnh đạo; tất cả với quản trị)' })
  @ApiOkResponse({ type: IncidentPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: IncidentListQuery): Promise<IncidentPageDto> {
    return this.incidents.list(user, query);
  }
}
