import { Body, Controller, Param, Post, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Request, Response } from 'express';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { DomainError } from '../common/errors/domain-error';
import { uuidPipe } from '../common/http/uuid-pipe';
import { DecisionFile } from '../dossiers/dossier-writes';
import { DossiersQueryService } from '../dossiers/dossiers-query.service';
import { DossierWorkflowService } from '../workflow/dossier-workflow.service';
import { DECISION_UPLOAD } from '../workflow/dto/decision-form';
import { IndependentAppraiserDto } from '../workflow/dto/independent-appraiser.dto';
import { IndependentAppraiserService } from '../workflow/independent-appraiser.service';
import { dossierFormValues } from './dossier-form';
import { DossierPageView } from './dossier-page-view.service';
import { FormBody, FormFailure, formFailure, FormReader, validated } from './form-input';
import { redirectWithFlash } from './page-session';
import { independentAppraiserFromForm, memberErrorsByLine, PROCEDURE_FORMS, ProcedureAction } from './procedure-action-forms';
import { WebPages } from './web-page.decorator';

/**
 * The procedure by level on the dossier page (ND331 Arts. 17–18, 20): the professional opinion (Mẫu 03), the owner's
 * submission, the Tờ trình (Mẫu 05), the signed decisions with their PDF (Mẫu 06, 07, the List), the listing request
 * and the independent appraiser. Each form calls the same use case as the API; a refusal comes back on the page.
 */
@WebPages()
@Controller('ho-so/:id')
export class DossierProcedurePagesController {
  constructor(
    private readonly page: DossierPageView,
    private readonly dossiers: DossiersQueryService,
    private readonly workflow: DossierWorkflowService,
    private readonly independence: IndependentAppraiserService,
  ) {}

  @Post('xin-y-kien')
  @RequirePermission('dossier:write')
  requestOpinion(
    @CurrentUser() u: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
    @Body() b: FormBody,
  ) {
    return this.act(u, req, res, id, 'request-opinion', b);
  }

  @Post('cho-y-kien')
  @RequirePermission('dossier:appraise')
  giveOpinion(
    @CurrentUser() u: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
    @Body() b: FormBody,
  ) {
    return this.act(u, req, res, id, 'give-opinion', b);
  }

  @Post('chu-quan-gui')
  @RequirePermission('dossier:decide')
  ownerSubmit(
    @CurrentUser() u: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
    @Body() b: FormBody,
  ) {
    return this.act(u, req, res, id, 'owner-submit', b);
  }

  @Post('trinh-phe-duyet')
  @RequirePermission('dossier:write')
  requestApproval(
    @CurrentUser() u: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
    @Body() b: FormBody,
  ) {
    return this.act(u, req, res, id, 'request-approval', b);
  }

  @Post('de-nghi-danh-muc')
  @RequirePermission('dossier:decide')
  requestListing(
    @CurrentUser() u: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
    @Body() b: FormBody,
  ) {
    return this.act(u, req, res, id, 'request-listing', b);
  }

  @Post('phe-duyet')
  @RequirePermission('dossier:approve')
  @UseInterceptors(FileInterceptor('file', DECISION_UPLOAD))
  approve(
    @CurrentUser() u: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
    @Body() b: FormBody,
    @UploadedFile() file: DecisionFile | undefined,
  ) {
    return this.act(u, req, res, id, 'approve', b, file);
  }

  @Post('phe-duyet-phuong-an')
  @RequirePermission('dossier:approve')
  @UseInterceptors(FileInterceptor('file', DECISION_UPLOAD))
  approvePlan(
    @CurrentUser() u: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
    @Body() b: FormBody,
    @UploadedFile() file: DecisionFile | undefined,
  ) {
    return this.act(u, req, res, id, 'approve-plan', b, file);
  }

  @Post('danh-muc')
  @RequirePermission('dossier:decide')
  @UseInterceptors(FileInterceptor('file', DECISION_UPLOAD))
  recordListing(
    @CurrentUser() u: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
    @Body() b: FormBody,
    @UploadedFile() file: DecisionFile | undefined,
  ) {
    return this.act(u, req, res, id, 'record-listing', b, file);
  }

  @Post('tham-dinh-doc-lap')
  @RequirePermission('dossier:decide')
  async independentAppraiser(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    try {
      const f = new FormReader(body);
      await this.independence.record(user, id, await validated(IndependentAppraiserDto, independentAppraiserFromForm(f), f));
      return redirectWithFlash(
        req,
        res,
        `/ho-so/${id}#thu-tuc`,
        'Đã ghi đơn vị thẩm định độc lập (khoản 4 Điều 18 Nghị định 331/2026/NĐ-CP).',
      );
    } catch (error) {
      const failure = formFailure(error);
      return this.refused(user, req, res, id, 'independent-appraiser', body, error, {
        ...failure,
        errors: memberErrorsByLine(failure.errors),
      });
    }
  }

  private async act(
    user: AuthUser,
    req: Request,
    res: Response,
    id: string,
    action: ProcedureAction,
    body: FormBody,
    file?: DecisionFile,
  ): Promise<void> {
    const form = PROCEDURE_FORMS[action];
    try {
      const f = new FormReader(body);
      const dto = await validated(form.dto, form.read(f), f);
      await this.workflow.act(user, id, action, dto as never, form.file ? file : undefined);
      return redirectWithFlash(req, res, `/ho-so/${id}`, form.done);
    } catch (error) {
      return this.refused(user, req, res, id, action, body, error);
    }
  }

  /** The page again with the form's messages beside its fields and what was typed (not the file: browsers drop it). */
  private async refused(
    user: AuthUser,
    req: Request,
    res: Response,
    id: string,
    form: string,
    body: FormBody,
    error: unknown,
    failure: FormFailure = formFailure(error),
  ): Promise<void> {
    const dossier = await this.dossiers.get(user, id);
    const status = error instanceof DomainError && error.code === 'VERSION_CONFLICT' ? 409 : 422;
    return this.page.render(user, req, res, dossier, {
      values: dossierFormValues(dossier),
      forms: { [form]: { failure, values: body } },
      status,
    });
  }
}
