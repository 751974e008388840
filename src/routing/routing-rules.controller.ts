import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { uuidPipe } from '../common/http/uuid-pipe';
import { CreateRoutingRuleDto, RoutingRuleDto, UpdateRoutingRuleDto } from './dto/routing-rule.dto';
import { RoutingRulesService } from './routing-rules.service';

@ApiTags('Phân công thẩm định, phê duyệt')
@Controller('api/v1/routing-rules')
export class RoutingRulesController {
  constructor(private readonly rules: RoutingRulesService) {}

  @Get()
  @RequirePermission('routing:read')
  @ApiOperation({ summary: 'Các quy tắc xác định đơn vị thẩm định và cấp phê duyệt' })
  @ApiOkResponse({ type: [RoutingRuleDto] })
  list(@CurrentUser() user: AuthUser): Promise<RoutingRuleDto[]> {
    return this.rules.list(user);
  }

  @Post()
  @RequirePermission('routing:write')
  @ApiOperation({ summary: 'Thêm quy tắc phân công (quản trị viên)' })
  @ApiCreatedResponse({ type: RoutingRuleDto })
  create(@Body() body: CreateRoutingRuleDto): Promise<RoutingRuleDto> {
    return this.rules.create(body);
  }

  @Patch(':id')
  @RequirePermission('routing:write')
  @ApiOperation({ summary: 'Sửa quy tắc phân công (kèm phiên bản đã đọc)' })
  @ApiOkResponse({ type: RoutingRuleDto })
  update(@Param('id', uuidPipe) id: string, @Body() body: UpdateRoutingRuleDto): Promise<RoutingRuleDto> {
    return this.rules.update(id, body);
  }
}
