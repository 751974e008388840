import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { uuidPipe } from '../common/http/uuid-pipe';
import { CreateSystemDto, RetireSystemDto, SystemDto, SystemListQuery, SystemPageDto, UpdateSystemDto } from './dto/system.dto';
import { SystemsCommandService } from './systems-command.service';
import { SystemsQueryService } from './systems-query.service';

@ApiTags('Hệ thống thông tin')
@Controller('api/v1/systems')
export class SystemsController {
  constructor(
    private readonly queries: SystemsQueryService,
    private readonly commands: SystemsCommandService,
  ) {}

  @Get()
  @RequirePermission('system:read')
  @ApiOperation({ summary: 'Danh sách hệ thống thông tin trong phạm vi được xem (lọc, tìm không dấu, sắp xếp)' })
  @ApiOkResponse({ type: SystemPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: SystemListQuery): Promise<SystemPageDto> {
    return this.queries.list(user, query);
  }

  @Get(':id')
  @RequirePermission('system:read')
  @ApiOperation({ summary: 'Chi tiết hệ thống thông tin' })
  @ApiOkResponse({ type: SystemDto })
  get(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string): Promise<SystemDto> {
    return this.queries.get(user, id);
  }

  @Post()
  @RequirePermission('system:write')
  @ApiOperation({ summary: 'Đăng ký hệ thống thông tin' })
  @ApiCreatedResponse({ type: SystemDto })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateSystemDto): Promise<SystemDto> {
    return this.commands.create(user, body);
  }

  @Patch(':id')
  @RequirePermission('system:write')
  @ApiOperation({ summary: 'Sửa hệ thống thông tin (kèm phiên bản đã đọc; 409 nếu đã có người sửa trước)' })
  @ApiOkResponse({ type: SystemDto })
  update(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string, @Body() body: UpdateSystemDto): Promise<SystemDto> {
    return this.commands.update(user, id, body);
  }

  @Post(':id/retire')
  @HttpCode(200)
  @RequirePermission('system:write')
  @ApiOperation({ summary: 'Cho hệ thống dừng vận hành (không xóa)' })
  @ApiOkResponse({ type: SystemDto })
  retire(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string, @Body() body: RetireSystemDto): Promise<SystemDto> {
    return this.commands.retire(user, id, body);
  }
}
