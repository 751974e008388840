import { Body, Controller, Get, Param, Post, Query, Req, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Request, Response } from 'express';
import { AccessService } from '../access/access.service';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { roleHas } from '../auth/permissions';
import { uuidPipe } from '../common/http/uuid-pipe';
import { downloadHeaders, MAX_ATTACHMENT_BYTES } from '../dossiers/attachment-type';
import { GO_LIVE_ARTICLES, PLAN_ITEM_STATUS_LABELS, PLAN_ITEM_STATUSES } from '../plan-items/deployment-status';
import { PlanItemListQuery, UpdatePlanItemDto } from '../plan-items/dto/plan-item.dto';
import { PlanItemEvidenceService, UploadedEvidence } from '../plan-items/plan-item-evidence.service';
import { PlanItemsService } from '../plan-items/plan-items.service';
import { SystemsQueryService } from '../systems/systems-query.service';
import { FormBody, formFailureText, validated } from './form-input';
import { PageRenderer } from './page-renderer.service';
import { redirectWithFlash } from './page-session';
import { parseDate } from './view-helpers';
import { WebPages } from './web-page.decorator';

const STATUS_OPTIONS = PLAN_ITEM_STATUSES.map((value) => ({ value, label: PLAN_ITEM_STATUS_LABELS[value] }));

/** The approved plan of a system, item by item (TT12 Art. 9.6; ND331 Arts. 30.6, 33.1): the operator moves it along here. */
@WebPages()
@Controller('he-thong/:id/phuong-an')
export class PlanItemsPagesController {
  constructor(
    private readonly view: PageRenderer,
    private readonly systems: SystemsQueryService,
    private readonly items: PlanItemsService,
    private readonly evidence: PlanItemEvidenceService,
    private readonly access: AccessService,
  ) {}

  @Get()
  @RequirePermission('system:read')
  async plan(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Param('id', uuidPipe) id: string): Promise<void> {
    const system = await this.systems.get(user, id);
    const plan = await this.items.plan(user, id);
    const all = plan.sections.flatMap((s) => s.items);
    const next = all.filter((i) => i.overdue || (['NOT_STARTED', 'IN_PROGRESS'].includes(i.status) && i.plannedDate)).slice(0, 5);
    return this.view.render(req, res, 'plan-items', {
      system,
      plan,
      next,
      total: all.length,
      canWrite: this.canWrite(user, system),
      article: GO_LIVE_ARTICLES.ND331,
    });
  }

  @Get(':itemId')
  @RequirePermission('system:read')
  async item(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
    @Param('itemId', uuidPipe) itemId: string,
  ): Promise<void> {
    const system = await this.systems.get(user, id);
    const history = await this.items.history(user, id, itemId);
    const item = (await this.items.plan(user, id)).sections.flatMap((s) => s.items).find((i) => i.id === itemId);
    return this.view.render(req, res, 'plan-item', {
      system,
      item,
      history,
      canWrite: !!item && this.canWrite(user, system),
      statuses: STATUS_OPTIONS,
      labels: PLAN_ITEM_STATUS_LABELS,
    });
  }

  @Post(':itemId')
  @RequirePermission('plan-item:write')
  async update(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
    @Param('itemId', uuidPipe) itemId: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const back = `/he-thong/${id}/phuong-an/${itemId}`;
    try {
      const date = parseDate(body.plannedDate);
      const plain = {
        version: Number(body.version),
        status: body.status,
        plannedDate: date.ok ? (date.value ?? null) : body.plannedDate,
        responsibleUnit: body.responsibleUnit ?? '',
        reason: body.reason || null,
        note: body.note || undefined,
      };
      await this.items.update(user, id, itemId, await validated(UpdatePlanItemDto, plain));
      return redirectWithFlash(req, res, back, 'Đã cập nhật hạng mục; tình hình triển khai phương án đã được tính lại.');
    } catch (error) {
      return redirectWithFlash(req, res, back, formFailureText(error));
    }
  }

  @Post(':itemId/minh-chung')
  @RequirePermission('plan-item:write')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } }))
  async upload(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
    @Param('itemId', uuidPipe) itemId: string,
    @UploadedFile() file: UploadedEvidence | undefined,
  ): Promise<void> {
    const back = `/he-thong/${id}/phuong-an/${itemId}`;
    try {
      await this.evidence.upload(user, id, itemId, file);
      return redirectWithFlash(req, res, back, 'Đã lưu tệp minh chứng.');
    } catch (error) {
      return redirectWithFlash(req, res, back, formFailureText(error));
    }
  }

  @Get(':itemId/minh-chung/:fileId')
  @RequirePermission('system:read')
  async download(
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
    @Param('id', uuidPipe) id: string,
    @Param('itemId', uuidPipe) itemId: string,
    @Param('fileId', uuidPipe) fileId: string,
  ): Promise<StreamableFile> {
    const file = await this.evidence.download(user, id, itemId, fileId);
    res.set(downloadHeaders(file.fileName, file.mediaType));
    return new StreamableFile(file.content, { type: file.mediaType, length: file.content.length });
  }

  private canWrite(
    user: AuthUser,
    system: { owner: { id: string }; operator: { id: string }; provinceCode: string; lifecycle: string },
  ): boolean {
    return (
      roleHas(user.role, 'plan-item:write') &&
      system.lifecycle !== 'RETIRED' &&
      this.access.canWriteSystemOf(user, {
        ownerAgencyId: system.owner.id,
        operatorAgencyId: system.operator.id,
        provinceCode: system.provinceCode,
      })
    );
  }
}

/** The province's plans for appraisers and leaders (officers see their own): late items first, then by planned date. */
@WebPages()
@Controller('phuong-an')
export class PlanItemsListPageController {
  constructor(
    private readonly view: PageRenderer,
    private readonly items: PlanItemsService,
  ) {}

  @Get()
  @RequirePermission('system:read')
  async list(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Query('quaHan') lateOnly?: string,
    @Query('trang') pageParam?: string,
  ): Promise<void> {
    const page = Math.max(1, Math.min(10000, Number.parseInt(pageParam ?? '1', 10) || 1));
    const overdue = lateOnly !== '0';
    const query = Object.assign(new PlanItemListQuery(), {
      page,
      pageSize: 50,
      ...(overdue ? { overdue: true } : { status: 'NOT_STARTED' as const }),
    });
    const result = await this.items.list(user, query);
    return this.view.render(req, res, 'plan-items-list', { result, overdue, pages: Math.max(1, Math.ceil(result.total / 50)) });
  }
}
