import { Body, Controller, HttpCode, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { uuidPipe } from '../common/http/uuid-pipe';
import { DossierDto } from '../dossiers/dto/dossier.dto';
import { DecisionFile } from '../dossiers/dossier-writes';
import { ActionDto, AppraiseDto, ApproveDto, ReturnDto, WithdrawDto } from './dto/actions.dto';
import { DECISION_FORM, DECISION_UPLOAD } from './dto/decision-form';
import { GiveOpinionDto, ListingDecisionDto, PlanDecisionDto, RequestApprovalDto, RequestListingDto } from './dto/procedure-actions.dto';
import { DossierWorkflowService } from './dossier-workflow.service';

@ApiTags('Thẩm định, phê duyệt')
@Controller('api/v1/dossiers/:id/actions')
export class DossierActionsController {
  constructor(private readonly workflow: DossierWorkflowService) {}

  @Post('submit')
  @HttpCode(200)
  @RequirePermission('dossier:write')
  @ApiOperation({ summary: 'Gửi thẩm định (chốt một lần gửi, tính hạn kiểm tra tính hợp lệ)' })
  @ApiOkResponse({ type: DossierDto })
  submit(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string, @Body() body: ActionDto): Promise<DossierDto> {
    return this.workflow.act(user, id, 'submit', body);
  }

  @Post('request-opinion')
  @HttpCode(200)
  @RequirePermission('dossier:write')
  @ApiOperation({ summary: 'Cấp độ 4, 5: xin ý kiến chuyên môn của đơn vị chuyên trách (Mẫu 03)' })
  @ApiOkResponse({ type: DossierDto })
  requestOpinion(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string, @Body() body: ActionDto): Promise<DossierDto> {
    return this.workflow.act(user, id, 'request-opinion', body);
  }

  @Post('give-opinion')
  @HttpCode(200)
  @RequirePermission('dossier:appraise')
  @ApiOperation({ summary: 'Đơn vị chuyên trách cho ý kiến chuyên môn: phù hợp / chưa phù hợp' })
  @ApiOkResponse({ type: DossierDto })
  giveOpinion(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string, @Body() body: GiveOpinionDto): Promise<DossierDto> {
    return this.workflow.act(user, id, 'give-opinion', body);
  }

  @Post('owner-submit')
  @HttpCode(200)
  @RequirePermission('dossier:decide')
  @ApiOperation({ summary: 'Cấp độ 4, 5: chủ quản gửi hồ sơ đến cơ quan thẩm định (Mẫu 02 đứng tên chủ quản)' })
  @ApiOkResponse({ type: DossierDto })
  ownerSubmit(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string, @Body() body: ActionDto): Promise<DossierDto> {
    return this.workflow.act(user, id, 'owner-submit', body);
  }

  @Post('return')
  @HttpCode(200)
  @RequirePermission('dossier:appraise')
  @ApiOperation({ summary: 'Yêu cầu bổ sung, kèm danh sách nội dung cần bổ sung' })
  @ApiOkResponse({ type: DossierDto })
  return(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string, @Body() body: ReturnDto): Promise<DossierDto> {
    return this.workflow.act(user, id, 'return', body);
  }

  @Post('start-appraisal')
  @HttpCode(200)
  @RequirePermission('dossier:appraise')
  @ApiOperation({ summary: 'Hồ sơ đầy đủ, hợp lệ: bắt đầu thẩm định (tính hạn thẩm định)' })
  @ApiOkResponse({ type: DossierDto })
  startAppraisal(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string, @Body() body: ActionDto): Promise<DossierDto> {
    return this.workflow.act(user, id, 'start-appraisal', body);
  }

  @Post('appraise')
  @HttpCode(200)
  @RequirePermission('dossier:appraise')
  @ApiOperation({ summary: 'Ý kiến thẩm định (Mẫu 04): phù hợp / chưa phù hợp' })
  @ApiOkResponse({ type: DossierDto })
  appraise(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string, @Body() body: AppraiseDto): Promise<DossierDto> {
    return this.workflow.act(user, id, 'appraise', body);
  }

  @Post('request-approval')
  @HttpCode(200)
  @RequirePermission('dossier:write')
  @ApiOperation({ summary: 'Từ cấp độ 3: trình chủ quản phê duyệt (Tờ trình, Mẫu 05); hạn phê duyệt tính từ ngày chủ quản nhận' })
  @ApiOkResponse({ type: DossierDto })
  requestApproval(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string, @Body() body: RequestApprovalDto): Promise<DossierDto> {
    return this.workflow.act(user, id, 'request-approval', body);
  }

  @Post('approve')
  @HttpCode(200)
  @RequirePermission('dossier:approve')
  @UseInterceptors(FileInterceptor('file', DECISION_UPLOAD))
  @ApiConsumes('multipart/form-data')
  @ApiBody(DECISION_FORM.approve)
  @ApiOperation({ summary: 'Phê duyệt cấp độ (Mẫu 06): số, ngày quyết định, người ký, chức vụ, cấp độ, bản quyết định đã ký (PDF)' })
  @ApiOkResponse({ type: DossierDto })
  approve(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe) id: string,
    @Body() body: ApproveDto,
    @UploadedFile() file: DecisionFile | undefined,
  ): Promise<DossierDto> {
    return this.workflow.act(user, id, 'approve', body, file);
  }

  @Post('approve-plan')
  @HttpCode(200)
  @RequirePermission('dossier:approve')
  @UseInterceptors(FileInterceptor('file', DECISION_UPLOAD))
  @ApiConsumes('multipart/form-data')
  @ApiBody(DECISION_FORM.plan)
  @ApiOperation({ summary: 'Cấp độ 5: chủ quản phê duyệt phương án bảo đảm an ninh mạng (Mẫu 07), kèm bản quyết định đã ký (PDF)' })
  @ApiOkResponse({ type: DossierDto })
  approvePlan(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe) id: string,
    @Body() body: PlanDecisionDto,
    @UploadedFile() file: DecisionFile | undefined,
  ): Promise<DossierDto> {
    return this.workflow.act(user, id, 'approve-plan', body, file);
  }

  @Post('record-listing')
  @HttpCode(200)
  @RequirePermission('dossier:decide')
  @UseInterceptors(FileInterceptor('file', DECISION_UPLOAD))
  @ApiConsumes('multipart/form-data')
  @ApiBody(DECISION_FORM.listing)
  @ApiOperation({ summary: 'Ghi nhận quyết định của Thủ tướng Chính phủ phê duyệt Danh mục (cấp độ 5), kèm bản PDF' })
  @ApiOkResponse({ type: DossierDto })
  recordListing(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe) id: string,
    @Body() body: ListingDecisionDto,
    @UploadedFile() file: DecisionFile | undefined,
  ): Promise<DossierDto> {
    return this.workflow.act(user, id, 'record-listing', body, file);
  }

  @Post('request-listing')
  @HttpCode(200)
  @RequirePermission('dossier:decide')
  @ApiOperation({ summary: 'Chủ quản đề nghị đưa hệ thống cấp độ 3, 4 vào Danh mục hệ thống thông tin quan trọng về an ninh quốc gia' })
  @ApiOkResponse({ type: DossierDto })
  requestListing(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string, @Body() body: RequestListingDto): Promise<DossierDto> {
    return this.workflow.act(user, id, 'request-listing', body);
  }

  @Post('withdraw')
  @HttpCode(200)
  @RequirePermission('dossier:write')
  @ApiOperation({ summary: 'Rút hồ sơ' })
  @ApiOkResponse({ type: DossierDto })
  withdraw(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string, @Body() body: WithdrawDto): Promise<DossierDto> {
    return this.workflow.act(user, id, 'withdraw', body);
  }
}
