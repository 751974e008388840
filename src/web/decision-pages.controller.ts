import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { DOSSIER_STATUS_LABELS, DossierStatus } from '../dossiers/dossier-status';
import { AppraisalQueueService } from '../workflow/appraisal-queue.service';
import { QueueQuery } from '../workflow/dto/history.dto';
import { PageRenderer } from './page-renderer.service';
import { WebPages } from './web-page.decorator';

/** What waits on the owner's leadership: level 4–5 dossiers to send (Mẫu 02), and Tờ trình to decide (Mẫu 06, 07). */
const DECISION_STATUSES: readonly DossierStatus[] = ['OPINION_GIVEN', 'AWAITING_APPROVAL', 'APPRAISED'];
const PAGE_SIZE = 50;

/** The desk of the owner's leadership (ND331 Art. 18.2–18.3, 20.1.d, 20.3.b–c): each row opens the dossier, where it decides. */
@WebPages()
@Controller('cho-quyet-dinh')
export class DecisionPagesController {
  constructor(
    private readonly view: PageRenderer,
    private readonly queue: AppraisalQueueService,
  ) {}

  @Get()
  @RequirePermission('dossier:decide')
  async desk(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Query('trangThai') status?: string,
    @Query('trang') page?: string,
  ): Promise<void> {
    const filter = (DECISION_STATUSES as readonly string[]).includes(status ?? '') ? status : undefined;
    const current = Math.max(1, Number(page) || 1);
    const result = await this.queue.queue(user, { status: filter, page: current, pageSize: PAGE_SIZE } as QueueQuery);
    const statuses = DECISION_STATUSES.map((value) => ({ value, label: DOSSIER_STATUS_LABELS[value] }));
    return this.view.render(req, res, 'decision-queue', {
      result,
      status: filter ?? '',
      statuses,
      pages: Math.ceil(result.total / PAGE_SIZE),
    });
  }
}
