import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { AgenciesReorganisationService } from './agencies-reorganisation.service';
import { MergeAgenciesDto, RenameAgencyDto, ReorganisationDto, ReorganisationListQuery } from './dto/reorganisation.dto';

@ApiTags('Cơ quan, đơn vị')
@Controller('api/v1/agency-reorganisations')
export class AgencyReorganisationsController {
  constructor(private readonly reorganisations: AgenciesReorganisationService) {}

  @Get()
  @RequirePermission('agency:read')
  @ApiOperation({ summary: 'Các lần sắp xếp, sáp nhập, đổi tên cơ quan' })
  @ApiOkResponse({ type: [ReorganisationDto] })
  list(@CurrentUser() user: AuthUser, @Query() query: ReorganisationListQuery): Promise<ReorganisationDto[]> {
    return this.reorganisations.list(user, query.kind);
  }

  @Post('merge')
  @RequirePermission('agency:write')
  @ApiOperation({ summary: 'Ghi nhận sáp nhập: các cơ quan nguồn kết thúc, hệ thống và tài khoản chuyển sang cơ quan tiếp nhận' })
  @ApiCreatedResponse({ type: ReorganisationDto })
  merge(@CurrentUser() user: AuthUser, @Body() body: MergeAgenciesDto): Promise<ReorganisationDto> {
    return this.reorganisations.merge(user, body);
  }

  @Post('rename')
  @RequirePermission('agency:write')
  @ApiOperation({ summary: 'Ghi nhận đổi tên cơ quan từ một ngày, giữ tên cũ cho các ngày trước' })
  @ApiCreatedResponse({ type: ReorganisationDto })
  rename(@CurrentUser() user: AuthUser, @Body() body: RenameAgencyDto): Promise<ReorganisationDto> {
    return this.reorganisations.rename(user, body);
  }
}
