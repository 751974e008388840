import { Body, Controller, Get, Param, Post, Query, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Request, Response } from 'express';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { DomainError } from '../common/errors/domain-error';
import { uuidPipe } from '../common/http/uuid-pipe';
import { APPRAISAL_DESK_STATUSES } from '../dossiers/dossier-actions';
import { DOSSIER_STATUS_LABELS } from '../dossiers/dossier-status';
import { DossierDto } from '../dossiers/dto/dossier.dto';
import { DecisionFile } from '../dossiers/dossier-writes';
import { ApproveDto, AppraiseDto, ReturnDto } from '../workflow/dto/actions.dto';
import { DECISION_UPLOAD } from '../workflow/dto/decision-form';
import { QueueQuery } from '../workflow/dto/history.dto';
import { PriorApprovalQueueQuery } from '../systems/prior-approvals/dto/prior-approval.dto';
import { Clock } from '../common/clock';
import { DossiersQueryService } from '../dossiers/dossiers-query.service';
import { PriorApprovalsService } from '../systems/prior-approvals/prior-approvals.service';
import { AppraisalQueueService } from '../workflow/appraisal-queue.service';
import { DossierHistoryService } from '../workflow/dossier-history.service';
import { DossierWorkflowService } from '../workflow/dossier-workflow.service';
import { documentLinks } from './dossier-form';
import { FormBody, FormFailure, formFailure, FormReader, validated } from './form-input';
import { PageRenderer } from './page-renderer.service';
import { redirectWithFlash } from './page-session';
import { lines } from './view-helpers';
import { WebPages } from './web-page.decorator';

type Action = 'return' | 'start-appraisal' | 'appraise' | 'approve';
const DONE: Record<Action, string> = {
  return: 'Đã gửi yêu cầu bổ sung cho cơ quan lập hồ sơ.',
  'start-appraisal': 'Đã tiếp nhận hồ sơ và bắt đầu thẩm định.',
  appraise: 'Đã ghi ý kiến thẩm định.',
  approve: 'Đã phê duyệt cấp độ. Quyết định (Mẫu 06) có thể tải về bên dưới.',
};

/** The appraising body's desk: the queue by due date, and the appraisal of the frozen revision. */
@WebPages()
@Controller('tham-dinh')
export class AppraisalPagesController {
  constructor(
    private readonly view: PageRenderer,
    private readonly appraisalQueue: AppraisalQueueService,
    private readonly priorApprovals: PriorApprovalsService,
    private readonly dossiers: DossiersQueryService,
    private readonly workflow: DossierWorkflowService,
    private readonly history: DossierHistoryService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @RequirePermission('dossier:appraise')
  async queue(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Query('trangThai') status?: string,
    @Query('trang') page?: string,
  ): Promise<void> {
    const filter = (APPRAISAL_DESK_STATUSES as readonly string[]).includes(status ?? '') ? status : undefined;
    const current = Math.max(1, Number(page) || 1);
    const result = await this.appraisalQueue.queue(user, { status: filter, page: current, pageSize: 50 } as QueueQuery);
    // Decisions made before capdo that the province's owners declared, waiting for this desk to check them.
    const claims = await this.priorApprovals.queue(user, { status: 'CLAIMED', page: 1, pageSize: 50 } as PriorApprovalQueueQuery);
    const statuses = APPRAISAL_DESK_STATUSES.map((value) => ({ value, label: DOSSIER_STATUS_LABELS[value] }));
    return this.view.render(req, res, 'queue', { result, claims, statuses, status: filter ?? '', pages: Math.ceil(result.total / 50) });
  }

  @Get(':id')
  @RequirePermission('dossier:appraise')
  async show(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Param('id', uuidPipe) id: string): Promise<void> {
    return this.render(user, req, res, await this.dossiers.get(user, id), {});
  }

  @Post(':id/yeu-cau-bo-sung')
  @RequirePermission('dossier:appraise')
  returnForSupplement(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    return this.act(user, req, res, id, 'return', body, undefined, async (f) =>
      validated(ReturnDto, { version: f.int('version'), note: f.text('note'), items: lines(f.raw('items')) }, f),
    );
  }

  @Post(':id/tiep-nhan')
  @RequirePermission('dossier:appraise')
  startAppraisal(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    return this.act(user, req, res, id, 'start-appraisal', body, undefined, async (f) => ({
      version: f.int('version') ?? 0,
      note: f.text('note') ?? undefined,
    }));
  }

  @Post(':id/tham-dinh')
  @RequirePermission('dossier:appraise')
  appraise(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    return this.act(user, req, res, id, 'appraise', body, undefined, async (f) =>
      validated(
        AppraiseDto,
        {
          version: f.int('version'),
          conclusion: f.text('conclusion') ?? '',
          opinions: f.text('opinions'),
          reasons: lines(f.raw('reasons')),
        },
        f,
      ),
    );
  }

  @Post(':id/phe-duyet')
  @RequirePermission('dossier:approve')
  @UseInterceptors(FileInterceptor('file', DECISION_UPLOAD))
  approve(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
    @Body() body: FormBody,
    @UploadedFile() file: DecisionFile | undefined,
  ): Promise<void> {
    return this.act(user, req, res, id, 'approve', body, file, async (f) =>
      validated(
        ApproveDto,
        {
          version: f.int('version'),
          decisionNumber: f.text('decisionNumber') ?? '',
          decisionDate: f.date('decisionDate') ?? '',
          signerName: f.text('signerName') ?? '',
          signerTitle: f.text('signerTitle') ?? '',
          level: f.int('level'),
          note: f.text('note'),
          confirmFutureDate: f.text('confirmFutureDate') === 'true' ? true : undefined,
        },
        f,
      ),
    );
  }

  private async act(
    user: AuthUser,
    req: Request,
    res: Response,
    id: string,
    action: Action,
    body: FormBody,
    file: DecisionFile | undefined,
    read: (f: FormReader) => Promise<object>,
  ): Promise<void> {
    try {
      const dto = await read(new FormReader(body));
      await this.workflow.act(user, id, action, dto as never, file);
      return redirectWithFlash(req, res, `/tham-dinh/${id}`, DONE[action]);
    } catch (error) {
      const failure = besideTheField(action, formFailure(error), error, body);
      const dossier = await this.dossiers.get(user, id);
      return this.render(
        user,
        req,
        res,
        dossier,
        { [action]: { failure, values: body } },
        error instanceof DomainError && error.code === 'VERSION_CONFLICT' ? 409 : 422,
      );
    }
  }

  private async render(
    user: AuthUser,
    req: Request,
    res: Response,
    dossier: DossierDto,
    forms: Partial<Record<Action, { failure: FormFailure; values: FormBody }>>,
    status = 200,
  ): Promise<void> {
    const [revisions, history] = await Promise.all([this.history.revisions(user, dossier.id), this.history.history(user, dossier.id)]);
    const latest = revisions[revisions.length - 1];
    const revision = latest ? await this.history.revision(user, dossier.id, latest.number) : undefined;
    return this.view.render(
      req,
      res,
      'appraisal',
      { d: dossier, revision, revisions, history, forms, documents: documentLinks(dossier), today: this.clock.today() },
      status,
    );
  }
}

/**
 * Issue 21 point 9: a refusal the transition table gives without a field is shown at the control it concerns — a return
 * without items at the items box, "chưa phù hợp" without reasons at the reasons box.
 */
function besideTheField(action: Action, failure: FormFailure, error: unknown, body: FormBody): FormFailure {
  const code = error instanceof DomainError ? error.code : '';
  const errors = { ...failure.errors };
  if (action === 'return' && (code === 'DOSSIER_RETURN_ITEMS_REQUIRED' || errors.items))
    errors.items = ['cần nêu ít nhất một nội dung cơ quan phải bổ sung, mỗi nội dung một dòng'];
  if (action === 'appraise' && code === 'DOSSIER_APPRAISAL_INVALID')
    errors[body.conclusion === 'NOT_SUITABLE' ? 'reasons' : 'conclusion'] = [
      body.conclusion === 'NOT_SUITABLE' ? 'nêu rõ nội dung chưa phù hợp, mỗi nội dung một dòng' : 'hãy chọn "phù hợp" hoặc "chưa phù hợp"',
    ];
  return { ...failure, errors };
}
