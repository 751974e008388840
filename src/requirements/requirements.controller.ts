import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/auth.decorators';
import { CatalogueSummaryDto, RequirementListDto, RequirementsQuery } from './dto/requirements.dto';
import { RequirementsService } from './requirements.service';

@ApiTags('Yêu cầu an toàn theo cấp độ')
@Controller('api/v1/requirements')
export class RequirementsController {
  constructor(private readonly requirements: RequirementsService) {}

  @Get()
  @RequirePermission('requirement:read')
  @ApiOperation({ summary: 'Các yêu cầu mà phương án bảo đảm an toàn của một cấp độ phải đáp ứng' })
  @ApiOkResponse({ type: RequirementListDto })
  list(@Query() query: RequirementsQuery): RequirementListDto {
    return this.requirements.list(query);
  }

  @Get('catalogues')
  @RequirePermission('requirement:read')
  @ApiOperation({ summary: 'Các danh mục yêu cầu (phiên bản tiêu chuẩn)' })
  @ApiOkResponse({ type: [CatalogueSummaryDto] })
  catalogues(): CatalogueSummaryDto[] {
    return this.requirements.catalogues();
  }
}
