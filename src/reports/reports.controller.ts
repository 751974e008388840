import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { ApprovalRateService } from './approval-rate.service';
import { ApprovalRateReportDto, ReportQuery } from './dto/report.dto';

@ApiTags('Báo cáo')
@Controller('api/v1/reports')
export class ReportsController {
  constructor(private readonly approvalRate: ApprovalRateService) {}

  @Get('approval-rate')
  @RequirePermission('report:read')
  @ApiOperation({ summary: 'Tỷ lệ cơ quan đã gửi và đã được phê duyệt hồ sơ cấp độ, tính đến một ngày' })
  @ApiOkResponse({ type: ApprovalRateReportDto })
  approvalRateReport(@CurrentUser() user: AuthUser, @Query() query: ReportQuery): Promise<ApprovalRateReportDto> {
    return this.approvalRate.report(user, query);
  }
}
