import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { roleHas } from '../auth/permissions';
import { uuidPipe } from '../common/http/uuid-pipe';
import { DismissFlagDto, FlagListQuery, RecordTriggerDto } from '../redetermination/dto/redetermination.dto';
import { RedeterminationReviewService } from '../redetermination/redetermination-review.service';
import { FormBody, formFailureText, validated } from './form-input';
import { PageRenderer } from './page-renderer.service';
import { redirectWithFlash } from './page-session';
import { WebPages } from './web-page.decorator';

const PAGE_SIZE = 25;

/** A refused post goes back with the API's messages in the flash. */
/** Only a path of this site is a place to go back to. */
function backTo(value: unknown, fallback: string): string {
  return typeof value === 'string' && /^\/[a-z0-9\-/#]*$/i.test(value) && !value.startsWith('//') ? value : fallback;
}

/** Systems that must have their level determined again (ND331 Art. 25): the province's list, an appraiser's forms. */
@WebPages()
@Controller()
export class RedeterminationPagesController {
  constructor(
    private readonly view: PageRenderer,
    private readonly review: RedeterminationReviewService,
  ) {}

  @Get('xac-dinh-lai')
  @RequirePermission('system:read')
  async list(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Query('trang') page?: string): Promise<void> {
    const current = Math.max(1, Math.min(100000, Number(page) || 1));
    const result = await this.review.list(user, { status: 'OPEN', page: current, pageSize: PAGE_SIZE } as FlagListQuery);
    return this.view.render(req, res, 'redetermination', {
      result,
      pages: Math.ceil(result.total / PAGE_SIZE),
      canReview: roleHas(user.role, 'redetermination:review'),
    });
  }

  @Post('he-thong/:id/xac-dinh-lai')
  @RequirePermission('redetermination:review')
  async record(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const back = `/he-thong/${id}#xac-dinh-lai`;
    try {
      const plain = { source: body.source, riskEvent: body.riskEvent || undefined, level: body.level || undefined, note: body.note };
      await this.review.record(user, id, await validated(RecordTriggerDto, plain));
      return redirectWithFlash(req, res, back, 'Đã ghi căn cứ xác định lại cấp độ; cơ quan chủ quản đã được thông báo.');
    } catch (error) {
      return redirectWithFlash(req, res, back, formFailureText(error));
    }
  }

  @Post('he-thong/:id/xac-dinh-lai/:flagId/dong')
  @RequirePermission('redetermination:review')
  async dismiss(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
    @Param('flagId', uuidPipe) flagId: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const back = backTo(body.back, `/he-thong/${id}#xac-dinh-lai`);
    try {
      await this.review.dismiss(user, id, flagId, await validated(DismissFlagDto, { version: Number(body.version), reason: body.reason }));
      return redirectWithFlash(req, res, back, 'Đã đóng cảnh báo, lý do đã được ghi nhật ký.');
    } catch (error) {
      return redirectWithFlash(req, res, back, formFailureText(error));
    }
  }
}
