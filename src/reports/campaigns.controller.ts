import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { uuidPipe } from '../common/http/uuid-pipe';
import { CampaignsService } from './campaigns.service';
import { CampaignDto, CampaignProgressDto, CreateCampaignDto, ProgressQuery } from './dto/campaign.dto';

@ApiTags('Báo cáo')
@Controller('api/v1/campaigns')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Get()
  @RequirePermission('report:read')
  @ApiOperation({ summary: 'Các chiến dịch theo văn bản chỉ đạo (số, ngày, hạn hoàn thành)' })
  @ApiOkResponse({ type: [CampaignDto] })
  list(@CurrentUser() user: AuthUser): Promise<CampaignDto[]> {
    return this.campaigns.list(user);
  }

  @Post()
  @RequirePermission('campaign:write')
  @ApiOperation({ summary: 'Tạo chiến dịch theo một văn bản chỉ đạo (quản trị viên)' })
  @ApiCreatedResponse({ type: CampaignDto })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateCampaignDto): Promise<CampaignDto> {
    return this.campaigns.create(user, body);
  }

  @Get(':id/progress')
  @RequirePermission('report:read')
  @ApiOperation({ summary: 'Tiến độ của từng cơ quan được giao: đúng hạn, quá hạn, chưa gửi; đã phê duyệt' })
  @ApiOkResponse({ type: CampaignProgressDto })
  progress(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string, @Query() query: ProgressQuery): Promise<CampaignProgressDto> {
    return this.campaigns.progress(user, id, query);
  }
}
