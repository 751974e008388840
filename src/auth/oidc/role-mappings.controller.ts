import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth.decorators';
import { uuidPipe } from '../../common/http/uuid-pipe';
import { CreateRoleMappingDto, RoleMappingDto, UpdateRoleMappingDto } from './dto/role-mapping.dto';
import { RoleMappingsService } from './role-mappings.service';

/** The administrator's table: which provider role or group gives which capdo role at single sign-on. */
@ApiTags('Đăng nhập một lần (SSO)')
@Controller('api/v1/sign-in/role-mappings')
export class RoleMappingsController {
  constructor(private readonly mappings: RoleMappingsService) {}

  @Get()
  @RequirePermission('sign-in:configure')
  @ApiOperation({ summary: 'Bảng ánh xạ vai trò, nhóm của nhà cung cấp định danh sang vai trò capdo' })
  @ApiOkResponse({ type: [RoleMappingDto] })
  list(): Promise<RoleMappingDto[]> {
    return this.mappings.list();
  }

  @Post()
  @RequirePermission('sign-in:configure')
  @ApiOperation({ summary: 'Thêm một ánh xạ vai trò (giá trị trùng: 409 DUPLICATE)' })
  @ApiCreatedResponse({ type: RoleMappingDto })
  create(@Body() body: CreateRoleMappingDto): Promise<RoleMappingDto> {
    return this.mappings.create(body);
  }

  @Patch(':id')
  @RequirePermission('sign-in:configure')
  @ApiOperation({ summary: 'Sửa một ánh xạ vai trò' })
  @ApiOkResponse({ type: RoleMappingDto })
  update(@Param('id', uuidPipe) id: string, @Body() body: UpdateRoleMappingDto): Promise<RoleMappingDto> {
    return this.mappings.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('sign-in:configure')
  @ApiOperation({ summary: 'Xóa một ánh xạ vai trò' })
  @ApiNoContentResponse()
  remove(@Param('id', uuidPipe) id: string): Promise<void> {
    return this.mappings.remove(id);
  }
}
