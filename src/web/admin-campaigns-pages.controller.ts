import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { roleHas } from '../auth/permissions';
import { CampaignsService } from '../reports/campaigns.service';
import { CreateCampaignDto } from '../reports/dto/campaign.dto';
import { FailedAdminForm } from './admin-pages';
import { campaignDtoFromForm, TIER_OPTIONS } from './campaign-form';
import { FormBody, formFailure, validated } from './form-input';
import { PageRenderer } from './page-renderer.service';
import { redirectWithFlash } from './page-session';
import { WebPages } from './web-page.decorator';

/** Reporting campaigns: the province's requests for level dossiers by a deadline, addressed to bodies by tier. */
@WebPages()
@Controller('quan-tri/chien-dich')
export class AdminCampaignsPagesController {
  constructor(
    private readonly view: PageRenderer,
    private readonly campaignsService: CampaignsService,
  ) {}

  @Get()
  @RequirePermission('report:read')
  campaigns(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.renderCampaigns(user, req, res, undefined);
  }

  @Post()
  @RequirePermission('campaign:write')
  async createCampaign(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Body() body: FormBody): Promise<void> {
    try {
      const { plain, reader } = campaignDtoFromForm(body);
      const campaign = await this.campaignsService.create(user, await validated(CreateCampaignDto, plain, reader));
      return redirectWithFlash(
        req,
        res,
        '/quan-tri/chien-dich',
        `Đã tạo chiến dịch theo văn bản ${campaign.number}, giao ${campaign.addressed} cơ quan.`,
      );
    } catch (error) {
      return this.renderCampaigns(user, req, res, { form: 'create', failure: formFailure(error), values: body });
    }
  }

  private async renderCampaigns(user: AuthUser, req: Request, res: Response, failed: FailedAdminForm): Promise<void> {
    const campaigns = await this.campaignsService.list(user);
    return this.view.render(
      req,
      res,
      'admin-campaigns',
      { campaigns, tiers: TIER_OPTIONS, canWrite: roleHas(user.role, 'campaign:write'), failed },
      failed ? 422 : 200,
    );
  }
}
