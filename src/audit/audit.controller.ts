import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/auth.decorators';
import { AuditQueryService } from './audit-query.service';
import { AuditPageDto, AuditQuery } from './dto/audit-query.dto';

@ApiTags('Nhật ký')
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditQueryService) {}

  @Get()
  @RequirePermission('audit:read')
  @ApiOperation({ summary: 'Nhật ký thay đổi (chỉ quản trị viên)' })
  @ApiOkResponse({ type: AuditPageDto })
  list(@Query() query: AuditQuery): Promise<AuditPageDto> {
    return this.audit.list(query);
  }
}
