import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { NewPolicyVersionDto, PolicyListDto, PolicyVersionDto } from './dto/inspection.dto';
import { InspectionPoliciesService } from './inspection-policies.service';

@ApiTags('Kiểm tra, đánh giá')
@Controller('api/v1/inspection-policies')
export class InspectionPoliciesController {
  constructor(private readonly policies: InspectionPoliciesService) {}

  @Get()
  @RequirePermission('system:read')
  @ApiOperation({ summary: 'Các phiên bản chính sách chu kỳ kiểm tra theo cấp độ (Nghị định 331), mới nhất (đang áp dụng) trước' })
  @ApiOkResponse({ type: PolicyListDto })
  list(): Promise<PolicyListDto> {
    return this.policies.list();
  }

  @Post()
  @RequirePermission('inspection-policy:write')
  @ApiOperation({ summary: 'Ban hành phiên bản chính sách mới cho cả 5 cấp độ (quản trị viên); áp dụng từ bây giờ' })
  @ApiCreatedResponse({ type: PolicyVersionDto })
  add(@CurrentUser() user: AuthUser, @Body() body: NewPolicyVersionDto): Promise<PolicyVersionDto> {
    return this.policies.addVersion(user, body);
  }
}
