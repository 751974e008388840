import { Body, Controller, Get, Post, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { Request, Response } from 'express';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { DomainError } from '../common/errors/domain-error';
import { LimitedPerUser } from '../common/http/request-limits';
import { MAX_IMPORT_MB, UploadedSheet } from '../systems/import-export/import-reading';
import { ImportStash, STASH_MINUTES } from '../systems/import-export/import-stash';
import { ImportUploadInterceptor } from '../systems/import-export/import-upload.interceptor';
import { ColumnMapping } from '../systems/import-export/sheet-header';
import { ImportReportDto } from '../systems/import-export/import-export.dto';
import { SystemsImportService } from '../systems/import-export/systems-import.service';
import { FormBody, formFailure } from './form-input';
import { PageRenderer } from './page-renderer.service';
import { askedValues, COLUMN_CHOICES, mappingFromForm, previewRows, refusalReport } from './system-import-view';
import { WebPages } from './web-page.decorator';

type Upload = UploadedSheet & { originalname?: string };

const LIMITS = { maxMb: MAX_IMPORT_MB, stashMinutes: STASH_MINUTES };
const EXPIRED = 'Tệp đã tải lên không còn được giữ (quá 30 phút hoặc đã nhập xong). Hãy chọn lại tệp.';

/**
 * Importing systems from a spreadsheet on the web (issue 21): upload, a preview of every row with the columns as
 * read (and a choice per column, and a value for every row where the file has none), then the import, all or nothing.
 * Between the steps the file waits in ImportStash under a token only its uploader can use.
 */
@WebPages()
@Controller('he-thong/nhap-excel')
export class SystemImportPagesController {
  constructor(
    private readonly view: PageRenderer,
    private readonly imports: SystemsImportService,
    private readonly stash: ImportStash,
  ) {}

  @Get()
  @RequirePermission('system:write')
  form(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.view.render(req, res, 'system-import', { step: 'upload', limits: LIMITS });
  }

  /** A new file, or the kept one with a corrected mapping: the dry run, shown row by row. */
  @Post('xem-truoc')
  @RequirePermission('system:write')
  @UseInterceptors(ImportUploadInterceptor)
  @LimitedPerUser('import')
  async preview(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: FormBody,
    @UploadedFile() file: Upload | undefined,
  ): Promise<void> {
    if (!file && !body.token)
      return this.refused(req, res, { message: 'Chưa chọn tệp để nhập.', errors: { file: ['hãy chọn tệp .xlsx hoặc .csv'] } });
    const token = file ? this.stash.put(user.id, file, file.originalname ?? 'tệp') : String(body.token);
    return this.run(user, req, res, token, file ? {} : mappingFromForm(body), true);
  }

  @Post('nhap')
  @RequirePermission('system:write')
  @LimitedPerUser('import')
  confirm(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Body() body: FormBody): Promise<void> {
    return this.run(user, req, res, String(body.token ?? ''), mappingFromForm(body), false);
  }

  private async run(user: AuthUser, req: Request, res: Response, token: string, mapping: ColumnMapping, dryRun: boolean): Promise<void> {
    const kept = this.stash.get(user.id, token);
    if (!kept) return this.refused(req, res, { message: EXPIRED, errors: { file: ['hãy chọn lại tệp'] } });
    try {
      const report = await this.imports.import(user, kept, dryRun, false, mapping);
      if (!dryRun) this.stash.drop(user.id, token);
      return this.show(req, res, dryRun ? 'preview' : 'done', token, kept.fileName, mapping, report, 200);
    } catch (error) {
      const failure = formFailure(error);
      const { report, sheet } = refusalReport(error);
      if (!report && !sheet) {
        this.stash.drop(user.id, token);
        return this.refused(req, res, failure);
      }
      const status = error instanceof DomainError && error.code === 'PAYLOAD_TOO_LARGE' ? 413 : 422;
      return this.show(req, res, 'preview', token, kept.fileName, mapping, report ?? { sheet }, status, failure.message);
    }
  }

  private refused(req: Request, res: Response, failure: { message: string; errors: Record<string, string[]> }): Promise<void> {
    return this.view.render(req, res, 'system-import', { step: 'upload', limits: LIMITS, failure }, 422);
  }

  private show(
    req: Request,
    res: Response,
    step: 'preview' | 'done',
    token: string,
    fileName: string,
    mapping: ColumnMapping,
    report: Partial<ImportReportDto>,
    status: number,
    problem?: string,
  ): Promise<void> {
    const rows = report.rows ? previewRows(report as ImportReportDto, step === 'done') : [];
    const errorColumns = (report.errors ?? []).map((e) => e.column);
    return this.view.render(
      req,
      res,
      'system-import',
      {
        step,
        limits: LIMITS,
        token,
        fileName,
        report,
        rows,
        problem,
        columns: report.sheet?.columns ?? [],
        choices: COLUMN_CHOICES,
        asked: askedValues(report.sheet, errorColumns, mapping),
      },
      status,
    );
  }
}
