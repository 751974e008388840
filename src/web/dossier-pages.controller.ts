import { Body, Controller, Get, Param, Post, Query, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Request, Response } from 'express';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { DomainError } from '../common/errors/domain-error';
import { uuidPipe } from '../common/http/uuid-pipe';
import { MAX_ATTACHMENT_BYTES } from '../dossiers/attachment-type';
import { DossierAttachmentsService, UploadedFile as StoredFile } from '../dossiers/dossier-attachments.service';
import { ATTACHMENT_KINDS, AttachmentKind } from '../dossiers/dossier-plan';
import { DOSSIER_STATUS_LABELS, DOSSIER_STATUSES } from '../dossiers/dossier-status';
import { DossierDto, DossierListQuery, UpdateDossierDto } from '../dossiers/dto/dossier.dto';
import { DossierDraftingService } from '../dossiers/dossier-drafting.service';
import { DossiersQueryService } from '../dossiers/dossiers-query.service';
import { DossierWorkflowService } from '../workflow/dossier-workflow.service';
import { conflictChanges, dossierDtoFromForm, dossierFormEcho, dossierFormValues, formFieldErrors } from './dossier-form';
import { DossierGroupAnswerPage } from './dossier-group-answer.service';
import { DossierPageView } from './dossier-page-view.service';
import { FormBody, FormFailure, formFailure, validated } from './form-input';
import { PageRenderer } from './page-renderer.service';
import { redirectWithFlash } from './page-session';
import { WebPages } from './web-page.decorator';

const PAGE_SIZE = 25;

/** The dossier editor: the five parts, the plan requirement by requirement, attachments, completeness, forms, submission. */
@WebPages()
@Controller('ho-so')
export class DossierPagesController {
  constructor(
    private readonly view: PageRenderer,
    private readonly page: DossierPageView,
    private readonly dossiers: DossiersQueryService,
    private readonly drafting: DossierDraftingService,
    private readonly attachments: DossierAttachmentsService,
    private readonly workflow: DossierWorkflowService,
    private readonly groupAnswers: DossierGroupAnswerPage,
  ) {}

  @Get()
  @RequirePermission('dossier:read')
  async list(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Query('trangThai') status?: string,
    @Query('trang') page?: string,
  ): Promise<void> {
    const current = Math.max(1, Number(page) || 1);
    const filter = (DOSSIER_STATUSES as readonly string[]).includes(status ?? '') ? status : undefined;
    const result = await this.dossiers.list(user, { status: filter, page: current, pageSize: PAGE_SIZE } as DossierListQuery);
    const statuses = DOSSIER_STATUSES.map((value) => ({ value, label: DOSSIER_STATUS_LABELS[value] }));
    return this.view.render(req, res, 'dossiers', { result, status: filter ?? '', statuses, pages: Math.ceil(result.total / PAGE_SIZE) });
  }

  @Get(':id')
  @RequirePermission('dossier:read')
  async edit(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Param('id', uuidPipe) id: string): Promise<void> {
    const dossier = await this.dossiers.get(user, id);
    return this.render(user, req, res, dossier, dossierFormValues(dossier));
  }

  @Post(':id')
  @RequirePermission('dossier:write')
  async save(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const current = await this.dossiers.get(user, id);
    const form = dossierDtoFromForm(body, current);
    const { plain, reader, levelChanged, rowOf } = form;
    let codes = form.codes;
    try {
      const groups = this.groupAnswers.apply(current, form);
      codes = groups.codes;
      await this.drafting.update(user, id, await validated(UpdateDossierDto, plain, reader));
      const message = levelChanged
        ? `Đã đổi cấp độ đề xuất thành cấp độ ${plain.proposedLevel}; danh mục yêu cầu của phương án đã đổi theo cấp độ mới, các nội dung khác chưa được lưu.`
        : groups.answered.length
          ? `Đã lưu hồ sơ và trả lời ${groups.answered.reduce((n, g) => n + g.count, 0)} yêu cầu của ${groups.answered.length} nhóm.`
          : 'Đã lưu hồ sơ.';
      return redirectWithFlash(
        req,
        res,
        `/ho-so/${id}${typeof body.neo === 'string' && /^#[\w-]+$/.test(body.neo) ? body.neo : ''}`,
        message,
      );
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VERSION_CONFLICT') return this.conflict(user, req, res, id, body);
      const failure = formFailure(error);
      failure.errors = formFieldErrors(failure.errors, codes, rowOf);
      return this.render(user, req, res, current, dossierFormEcho(body), failure, 422);
    }
  }

  @Post(':id/tep')
  @RequirePermission('dossier:write')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } }))
  async upload(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
    @Body() body: FormBody,
    @UploadedFile() file: StoredFile | undefined,
  ): Promise<void> {
    try {
      const kind = String(body.kind ?? '');
      if (!(ATTACHMENT_KINDS as readonly string[]).includes(kind))
        throw new DomainError('VALIDATION_FAILED', 'Hãy chọn loại tài liệu.', { kind: ['hãy chọn loại tài liệu'] });
      const saved = await this.attachments.upload(user, id, kind as AttachmentKind, file);
      return redirectWithFlash(req, res, `/ho-so/${id}#tep`, `Đã tải lên "${saved.fileName}".`);
    } catch (error) {
      const failure = formFailure(error);
      const dossier = await this.dossiers.get(user, id);
      return this.render(user, req, res, dossier, dossierFormValues(dossier), undefined, 422, {
        ...failure,
        errors: prefixed(failure.errors, 'tep.'),
      });
    }
  }

  @Post(':id/tep/:attachmentId/xoa')
  @RequirePermission('dossier:write')
  async removeAttachment(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
    @Param('attachmentId', uuidPipe) attachmentId: string,
  ): Promise<void> {
    await this.attachments.remove(user, id, attachmentId);
    return redirectWithFlash(req, res, `/ho-so/${id}#tep`, 'Đã xóa tệp đính kèm.');
  }

  @Post(':id/gui')
  @RequirePermission('dossier:write')
  submit(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    return this.act(user, req, res, id, 'submit', body, 'Đã gửi hồ sơ đến cơ quan thẩm định.');
  }

  @Post(':id/rut')
  @RequirePermission('dossier:write')
  withdraw(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    return this.act(user, req, res, id, 'withdraw', body, 'Đã rút hồ sơ.');
  }

  private async act(
    user: AuthUser,
    req: Request,
    res: Response,
    id: string,
    action: 'submit' | 'withdraw',
    body: FormBody,
    done: string,
  ): Promise<void> {
    const note = typeof body.note === 'string' && body.note.trim() ? body.note.trim() : undefined;
    try {
      await this.workflow.act(user, id, action, { version: Number(body.version), note });
      return redirectWithFlash(req, res, `/ho-so/${id}`, done);
    } catch (error) {
      const failure = formFailure(error);
      const dossier = await this.dossiers.get(user, id);
      return this.render(user, req, res, dossier, { ...dossierFormValues(dossier), note: note ?? '' }, undefined, 422, failure);
    }
  }

  /**
   * Issue 21 point 2: the same dossier saved in two tabs. The page keeps what was typed, shows each field the other save
   * changed, and carries the current version: the next save, once the differences are seen, goes through as the merge.
   */
  private async conflict(user: AuthUser, req: Request, res: Response, id: string, body: FormBody): Promise<void> {
    const fresh = await this.dossiers.get(user, id);
    const typed = dossierFormEcho(body);
    const changes = conflictChanges(dossierFormValues(fresh), typed, fresh);
    return this.page.render(user, req, res, fresh, {
      values: { ...typed, version: String(fresh.version) },
      conflict: { changes, savedAt: fresh.updatedAt },
      status: 409,
    });
  }

  private render(
    user: AuthUser,
    req: Request,
    res: Response,
    dossier: DossierDto,
    values: Record<string, string>,
    failure?: FormFailure,
    status = 200,
    actionFailure?: FormFailure,
  ): Promise<void> {
    return this.page.render(user, req, res, dossier, { values, failure, status, actionFailure });
  }
}

function prefixed(errors: Record<string, string[]>, prefix: string): Record<string, string[]> {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${prefix}${k}`, v]));
}
