import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { uuidPipe } from '../common/http/uuid-pipe';
import { AgenciesAdminService } from './agencies-admin.service';
import { AgenciesQueryService } from './agencies-query.service';
import {
  AgencyDto,
  AgencyListQuery,
  AgencyPageDto,
  AgencyTreeNodeDto,
  AgencyTreeQuery,
  CreateAgencyDto,
  UpdateAgencyDto,
} from './dto/agency.dto';

@ApiTags('Cơ quan, đơn vị')
@Controller('api/v1/agencies')
export class AgenciesController {
  constructor(
    private readonly queries: AgenciesQueryService,
    private readonly admin: AgenciesAdminService,
  ) {}

  @Get()
  @RequirePermission('agency:read')
  @ApiOperation({ summary: 'Danh sách cơ quan, đơn vị trong phạm vi được xem' })
  @ApiOkResponse({ type: AgencyPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: AgencyListQuery): Promise<AgencyPageDto> {
    return this.queries.list(user, query);
  }

  @Get('tree')
  @RequirePermission('agency:read')
  @ApiOperation({ summary: 'Cây cơ quan, đơn vị' })
  @ApiOkResponse({ type: [AgencyTreeNodeDto] })
  tree(@CurrentUser() user: AuthUser, @Query() query: AgencyTreeQuery): Promise<AgencyTreeNodeDto[]> {
    return this.queries.tree(user, query.asOf);
  }

  @Get(':id')
  @RequirePermission('agency:read')
  @ApiOperation({ summary: 'Chi tiết cơ quan, đơn vị' })
  @ApiOkResponse({ type: AgencyDto })
  get(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string): Promise<AgencyDto> {
    return this.queries.get(user, id);
  }

  @Post()
  @RequirePermission('agency:write')
  @ApiOperation({ summary: 'Thêm cơ quan, đơn vị' })
  @ApiCreatedResponse({ type: AgencyDto })
  create(@Body() body: CreateAgencyDto): Promise<AgencyDto> {
    return this.admin.create(body);
  }

  @Patch(':id')
  @RequirePermission('agency:write')
  @ApiOperation({ summary: 'Sửa cơ quan, đơn vị (kèm phiên bản đã đọc)' })
  @ApiOkResponse({ type: AgencyDto })
  update(@Param('id', uuidPipe) id: string, @Body() body: UpdateAgencyDto): Promise<AgencyDto> {
    return this.admin.update(id, body);
  }
}
