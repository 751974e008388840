import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { uuidPipe } from '../common/http/uuid-pipe';
import { DossierDto } from '../dossiers/dto/dossier.dto';
import { ActionDto, AppraiseDto, ApproveDto, ReturnDto, WithdrawDto } from './dto/actions.dto';
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

  @Post('approve')
  @HttpCode(200)
  @RequirePermission('dossier:approve')
  @ApiOperation({ summary: 'Phê duyệt cấp độ (Mẫu 06): số, ngày quyết định, người ký, cấp độ' })
  @ApiOkResponse({ type: DossierDto })
  approve(@CurrentUser() user: AuthUser, @Param('id', uuidPipe) id: string, @Body() body: ApproveDto): Promise<DossierDto> {
    return this.workflow.act(user, id, 'approve', body);
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
