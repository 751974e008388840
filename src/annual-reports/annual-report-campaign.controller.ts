import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { AnnualReportCampaignService } from './annual-report-campaign.service';
import { annualYearPipe } from './annual-report-year.pipe';
import { AnnualProgressDto, AnnualProgressQuery, AnnualSubmissionDto, RecordAnnualSubmissionDto } from './dto/annual-report-campaign.dto';

@ApiTags('Báo cáo')
@Controller('api/v1/annual-reports')
export class AnnualReportCampaignController {
  constructor(private readonly campaign: AnnualReportCampaignService) {}

  @Get(':year/progress')
  @RequirePermission('report:read')
  @ApiOperation({
    summary:
      'Báo cáo năm: cơ quan nào đã gửi (đúng hạn, quá hạn), cơ quan nào chưa gửi — đơn vị gửi chủ quản trước 20/12, chủ quản gửi Bộ trước 25/12',
  })
  @ApiOkResponse({ type: AnnualProgressDto })
  progress(
    @CurrentUser() user: AuthUser,
    @Param('year', annualYearPipe) year: number,
    @Query() query: AnnualProgressQuery,
  ): Promise<AnnualProgressDto> {
    return this.campaign.progress(user, year, query);
  }

  @Post(':year/submissions')
  @RequirePermission('annual-report:submit')
  @ApiOperation({ summary: 'Ghi nhận cơ quan đã gửi báo cáo năm (số văn bản, ngày gửi)' })
  @ApiCreatedResponse({ type: AnnualSubmissionDto })
  submit(
    @CurrentUser() user: AuthUser,
    @Param('year', annualYearPipe) year: number,
    @Body() body: RecordAnnualSubmissionDto,
  ): Promise<AnnualSubmissionDto> {
    return this.campaign.submit(user, year, body);
  }
}
