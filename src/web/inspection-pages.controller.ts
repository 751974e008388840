import { Body, Controller, Get, Param, Post, Query, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Request, Response } from 'express';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { uuidPipe } from '../common/http/uuid-pipe';
import { MAX_ATTACHMENT_BYTES } from '../dossiers/attachment-type';
import { InspectionsDueQuery, NewPolicyVersionDto, RecordInspectionBody, UpdateFindingDto } from '../inspections/dto/inspection.dto';
import { InspectionFindingsService } from '../inspections/inspection-findings.service';
import { InspectionPoliciesService } from '../inspections/inspection-policies.service';
import { InspectionRecordingService, UploadedReport } from '../inspections/inspection-recording.service';
import { INSPECTION_KIND_LABELS, INSPECTION_KINDS, INSPECTION_METHOD_LABELS, INSPECTION_METHODS } from '../inspections/inspection-rules';
import { InspectionScheduleService } from '../inspections/inspection-schedule.service';
import { FormBody, formFailureText, validated } from './form-input';
import { PageRenderer } from './page-renderer.service';
import { redirectWithFlash } from './page-session';
import { parseDate } from './view-helpers';
import { WebPages } from './web-page.decorator';

const PAGE_SIZE = 50;
const KINDS = INSPECTION_KINDS.map((value) => ({ value, label: INSPECTION_KIND_LABELS[value] }));
const METHODS = INSPECTION_METHODS.map((value) => ({ value, label: INSPECTION_METHOD_LABELS[value] }));

/** dd/mm/yyyy (as the other forms write dates) or yyyy-mm-dd; anything else goes to the validation as typed. */
function isoDate(input: unknown): unknown {
  const parsed = parseDate(input);
  return parsed.ok && parsed.value ? parsed.value : input;
}

/** One finding per line of the textarea: "mô tả | dd/mm/yyyy". */
function findingLines(input: unknown): unknown[] {
  if (typeof input !== 'string') return [];
  return input
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const cut = line.lastIndexOf('|');
      return cut < 0
        ? { description: line, dueOn: '' }
        : { description: line.slice(0, cut).trim(), dueOn: isoDate(line.slice(cut + 1).trim()) };
    });
}

/** Inspections after approval: a system's page, the province's due list, the administrator's policy page. */
@WebPages()
@Controller()
export class InspectionPagesController {
  constructor(
    private readonly view: PageRenderer,
    private readonly recording: InspectionRecordingService,
    private readonly schedule: InspectionScheduleService,
    private readonly policies: InspectionPoliciesService,
    private readonly findings: InspectionFindingsService,
  ) {}

  @Get('he-thong/:id/kiem-tra')
  @RequirePermission('system:read')
  async system(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Param('id', uuidPipe) id: string): Promise<void> {
    const page = await this.recording.page(user, id);
    const schedule = await this.schedule.forSystem(user, id);
    return this.view.render(req, res, 'system-inspections', { ...page, schedule, kinds: KINDS, methods: METHODS });
  }

  @Post('he-thong/:id/kiem-tra')
  @RequirePermission('inspection:write')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } }))
  async record(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
    @Body() body: FormBody,
    @UploadedFile() file: UploadedReport | undefined,
  ): Promise<void> {
    const back = `/he-thong/${id}/kiem-tra`;
    try {
      const dto = await validated(RecordInspectionBody, {
        kind: body.kind,
        performedOn: isoDate(body.performedOn),
        performer: body.performer,
        independent: body.independent === 'on',
        qualified: body.qualified === 'on',
        coversOrganisation: body.coversOrganisation === 'on',
        method: body.method,
        ...(typeof body.summary === 'string' && body.summary.trim() ? { summary: body.summary } : {}),
        findings: findingLines(body.findings),
      });
      await this.recording.record(user, id, dto, file);
      return redirectWithFlash(req, res, back, 'Đã ghi nhận lần kiểm tra, đánh giá; hạn kiểm tra kế tiếp đã được tính lại.');
    } catch (error) {
      return redirectWithFlash(req, res, back, formFailureText(error));
    }
  }

  @Post('he-thong/:id/kiem-tra/:inspectionId/ton-tai/:findingId')
  @RequirePermission('inspection:write')
  async finding(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
    @Param('inspectionId', uuidPipe) inspectionId: string,
    @Param('findingId', uuidPipe) findingId: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const back = `/he-thong/${id}/kiem-tra#ton-tai-${findingId}`;
    try {
      const dto = await validated(UpdateFindingDto, {
        version: Number(body.version),
        status: 'DONE',
        resolvedOn: isoDate(body.resolvedOn),
        ...(typeof body.note === 'string' && body.note.trim() ? { note: body.note } : {}),
      });
      await this.findings.update(user, id, inspectionId, findingId, dto);
      return redirectWithFlash(req, res, back, 'Đã ghi nhận tồn tại đã được khắc phục.');
    } catch (error) {
      return redirectWithFlash(req, res, back, formFailureText(error));
    }
  }

  @Get('kiem-tra')
  @RequirePermission('system:read')
  async due(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Query('quaHan') overdue?: string,
    @Query('trang') page?: string,
  ): Promise<void> {
    const current = Math.max(1, Math.min(100000, Number(page) || 1));
    const query = Object.assign(new InspectionsDueQuery(), { overdue: overdue === '1', page: current, pageSize: PAGE_SIZE });
    const result = await this.schedule.due(user, query);
    return this.view.render(req, res, 'inspections-due', { result, overdue: query.overdue, pages: Math.ceil(result.total / PAGE_SIZE) });
  }

  @Get('quan-tri/chinh-sach-kiem-tra')
  @RequirePermission('inspection-policy:write')
  async policy(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.view.render(req, res, 'admin-inspection-policy', { ...(await this.policies.list()) });
  }

  @Post('quan-tri/chinh-sach-kiem-tra')
  @RequirePermission('inspection-policy:write')
  async addPolicy(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Body() body: FormBody): Promise<void> {
    const back = '/quan-tri/chinh-sach-kiem-tra';
    try {
      const rules = [1, 2, 3, 4, 5].map((level) => {
        const months = body[`interval${level}`];
        return {
          level,
          intervalMonths: typeof months === 'string' && months.trim() ? Number(months) : null,
          requiresIndependent: body[`independent${level}`] === 'on',
        };
      });
      const dto = await validated(NewPolicyVersionDto, { rules, note: body.note });
      const added = await this.policies.addVersion(user, dto);
      return redirectWithFlash(req, res, back, `Đã ban hành phiên bản ${added.version}; áp dụng từ bây giờ.`);
    } catch (error) {
      return redirectWithFlash(req, res, back, formFailureText(error));
    }
  }
}
