import { Body, Controller, Get, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { Request, Response } from 'express';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { uuidPipe } from '../common/http/uuid-pipe';
import { downloadHeaders } from '../dossiers/attachment-type';
import { riskAssessmentOutlineDocx } from '../requirements/risk-assessment-outline';
import { DossierGroupAnswerPage } from './dossier-group-answer.service';
import { FormBody } from './form-input';
import { WebPages } from './web-page.decorator';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Phần 4 of the dossier page: a whole group answered at once; the risk assessment outline to download (ND331 Art. 22.4.c, 22.5). */
@WebPages()
@Controller()
export class DossierPlanPagesController {
  constructor(private readonly groupAnswer: DossierGroupAnswerPage) {}

  @Post('ho-so/:id/yeu-cau/nhom')
  @RequirePermission('dossier:write')
  answerGroup(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', uuidPipe) id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    return this.groupAnswer.answer(user, req, res, id, body);
  }

  @Get('huong-dan/danh-gia-rui-ro.docx')
  @RequirePermission('dossier:read')
  async riskAssessmentOutline(@Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const content = await riskAssessmentOutlineDocx();
    res.set(downloadHeaders('de-cuong-danh-gia-rui-ro.docx', DOCX));
    return new StreamableFile(content, { type: DOCX, length: content.length });
  }
}
