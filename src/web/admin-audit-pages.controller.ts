import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { AuditQueryService } from '../audit/audit-query.service';
import { RequirePermission } from '../auth/auth.decorators';
import { auditQueryFromFilter } from './audit-filter';
import { PageRenderer } from './page-renderer.service';
import { WebPages } from './web-page.decorator';

/** The audit log, filtered by kind of record and action. */
@WebPages()
@Controller('quan-tri/nhat-ky')
export class AdminAuditPagesController {
  constructor(
    private readonly view: PageRenderer,
    private readonly auditQuery: AuditQueryService,
  ) {}

  @Get()
  @RequirePermission('audit:read')
  async audit(
    @Req() req: Request,
    @Res() res: Response,
    @Query('doiTuong') entityType?: string,
    @Query('thaoTac') action?: string,
    @Query('trang') page?: string,
  ): Promise<void> {
    const query = auditQueryFromFilter(entityType, action, page);
    const result = await this.auditQuery.list(query);
    return this.view.render(req, res, 'admin-audit', {
      result,
      entityType: query.entityType ?? '',
      action: query.action ?? '',
      pages: Math.ceil(result.total / 50),
    });
  }
}
