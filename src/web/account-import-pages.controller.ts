import { Body, Controller, Get, Post, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { Request, Response } from 'express';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { LimitedPerUser } from '../common/http/request-limits';
import { MAX_IMPORT_MB, UploadedSheet } from '../systems/import-export/import-reading';
import { ImportStash, STASH_MINUTES } from '../systems/import-export/import-stash';
import { ImportUploadInterceptor } from '../systems/import-export/import-upload.interceptor';
import { ACCOUNT_SHEET_TITLES, MAX_ACCOUNT_ROWS } from '../users/account-sheet';
import { UsersImportService } from '../users/users-import.service';
import { failureStatus } from './account-form';
import { accountImportRows, ImportReport, refusedReport } from './account-import-view';
import { FormBody, FormFailure, formFailure } from './form-input';
import { PageRenderer } from './page-renderer.service';
import { WebPages } from './web-page.decorator';

type Upload = UploadedSheet & { originalname?: string };

const LIMITS = { maxMb: MAX_IMPORT_MB, maxRows: MAX_ACCOUNT_ROWS, stashMinutes: STASH_MINUTES };
const EXPIRED = 'Tệp đã tải lên không còn được giữ (quá 30 phút hoặc đã nhập xong). Hãy chọn lại tệp.';

/**
 * Accounts in bulk from a sheet (issue 22): upload, a preview of every row with its errors in Vietnamese (nothing
 * written), then the creation of all of them or none, and a list of each new account's temporary password, shown this
 * once, to print and hand over. Between the steps the file waits in ImportStash, as on the systems' import page.
 */
@WebPages()
@Controller('quan-tri/nguoi-dung/nhap')
export class AccountImportPagesController {
  constructor(
    private readonly view: PageRenderer,
    private readonly imports: UsersImportService,
    private readonly stash: ImportStash,
  ) {}

  @Get()
  @RequirePermission('user:manage')
  form(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.view.render(req, res, 'admin-users-import', this.base(user, 'upload'));
  }

  @Post('xem-truoc')
  @RequirePermission('user:manage')
  @UseInterceptors(ImportUploadInterceptor)
  @LimitedPerUser('import')
  preview(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @UploadedFile() file: Upload | undefined,
  ): Promise<void> {
    if (!file)
      return this.refused(user, req, res, { message: 'Chưa chọn tệp để nhập.', errors: { file: ['hãy chọn tệp .xlsx hoặc .csv'] } });
    return this.run(user, req, res, this.stash.put(user.id, file, file.originalname ?? 'tệp'), true);
  }

  @Post()
  @RequirePermission('user:manage')
  @LimitedPerUser('import')
  confirm(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Body() body: FormBody): Promise<void> {
    return this.run(user, req, res, String(body.token ?? ''), false);
  }

  private async run(user: AuthUser, req: Request, res: Response, token: string, dryRun: boolean): Promise<void> {
    const kept = this.stash.get(user.id, token);
    if (!kept) return this.refused(user, req, res, { message: EXPIRED, errors: { file: ['hãy chọn lại tệp'] } });
    try {
      const report = await this.imports.run(user, kept.buffer, kept.fileName, dryRun);
      if (!dryRun) this.stash.drop(user.id, token);
      return this.show(user, req, res, dryRun ? 'preview' : 'done', token, kept.fileName, report, 200);
    } catch (error) {
      const failure = formFailure(error);
      const report = refusedReport(error);
      if (!report) {
        this.stash.drop(user.id, token);
        return this.refused(user, req, res, failure, failureStatus(error));
      }
      return this.show(user, req, res, 'preview', token, kept.fileName, report, failureStatus(error), failure.message);
    }
  }

  private base(user: AuthUser, step: string): Record<string, unknown> {
    return { step, limits: LIMITS, isAdmin: user.role === 'ADMIN', titles: ACCOUNT_SHEET_TITLES };
  }

  private refused(user: AuthUser, req: Request, res: Response, failure: FormFailure, status = 422): Promise<void> {
    return this.view.render(req, res, 'admin-users-import', { ...this.base(user, 'upload'), failure }, status);
  }

  private show(
    user: AuthUser,
    req: Request,
    res: Response,
    step: 'preview' | 'done',
    token: string,
    fileName: string,
    report: ImportReport,
    status: number,
    problem?: string,
  ): Promise<void> {
    const rows = accountImportRows(report);
    return this.view.render(req, res, 'admin-users-import', { ...this.base(user, step), token, fileName, report, rows, problem }, status);
  }
}
