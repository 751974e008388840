import { Body, Controller, Get, Param, Post, Req, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Request, Response } from 'express';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { uuidPipe } from '../common/http/uuid-pipe';
import { downloadHeaders } from '../dossiers/attachment-type';
import { ConfirmPriorApprovalDto, PriorApprovalClaimBody, RejectPriorApprovalDto } from '../systems/prior-approvals/dto/prior-approval.dto';
import { MAX_EVIDENCE_BYTES } from '../systems/prior-approvals/prior-approval-rules';
import { PriorApprovalsService, UploadedEvidence } from '../systems/prior-approvals/prior-approvals.service';
import { FormBody, formFailureText, validated } from './form-input';
import { redirectWithFlash } from './page-session';
import { parseDate } from './view-helpers';
import { WebPages } from './web-page.decorator';

/** The date as typed (dd/mm/yyyy, as the other forms write it, or yyyy-mm-dd) for the API's validation. */
function isoDate(input: unknown): unknown {
  const parsed = parseDate(input);
  return parsed.ok && parsed.value ? parsed.value : input;
}

/** A refused post goes back to the system page with the API's messages in the flash. */
/** A decision made before capdo, on the system's page: the owner declares it with its PDF, an appraiser confirms or rejects it. */
@WebPages()
@Controller('he-thong/:id/ke-khai-phe-duyet')
export class PriorApprovalPagesController {
  constructor(private readonly priorApprovals: PriorApprovalsService) {}

  @Post()
  @RequirePermission('system:write')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1 } }))
  async claim(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
    @Body() body: FormBody,
    @UploadedFile() file: UploadedEvidence | undefined,
  ): Promise<void> {
    const back = `/he-thong/${id}#cap-do`;
    try {
      const plain = {
        level: body.level,
        decisionNumber: body.decisionNumber,
        decisionDate: isoDate(body.decisionDate),
        issuer: body.issuer,
      };
      await this.priorApprovals.claim(user, id, await validated(PriorApprovalClaimBody, plain), file);
      return redirectWithFlash(
        req,
        res,
        back,
        'Đã kê khai quyết định phê duyệt; cấp độ được tính sau khi cán bộ thẩm định của tỉnh xác nhận.',
      );
    } catch (error) {
      return redirectWithFlash(req, res, back, formFailureText(error));
    }
  }

  @Get('quyet-dinh.pdf')
  @RequirePermission('system:read')
  async evidence(
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
    @Param('id', uuidPipe) id: string,
  ): Promise<StreamableFile> {
    const file = await this.priorApprovals.evidence(user, id);
    res.set(downloadHeaders(file.fileName, file.mediaType));
    return new StreamableFile(file.content, { type: file.mediaType, length: file.content.length });
  }

  @Post('xac-nhan')
  @RequirePermission('prior-approval:review')
  async confirm(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const back = `/he-thong/${id}#cap-do`;
    try {
      await this.priorApprovals.confirm(user, id, await validated(ConfirmPriorApprovalDto, { version: Number(body.version) }));
      return redirectWithFlash(req, res, back, 'Đã xác nhận quyết định phê duyệt; cấp độ đã được ghi nhận cho hệ thống.');
    } catch (error) {
      return redirectWithFlash(req, res, back, formFailureText(error));
    }
  }

  @Post('tu-choi')
  @RequirePermission('prior-approval:review')
  async reject(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const back = `/he-thong/${id}#cap-do`;
    try {
      await this.priorApprovals.reject(
        user,
        id,
        await validated(RejectPriorApprovalDto, { version: Number(body.version), reason: body.reason }),
      );
      return redirectWithFlash(req, res, back, 'Đã ghi ý kiến không xác nhận; hệ thống giữ nguyên.');
    } catch (error) {
      return redirectWithFlash(req, res, back, formFailureText(error));
    }
  }
}
