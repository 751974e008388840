import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { RequirePermission } from '../auth/auth.decorators';
import { CreateRoleMappingDto, UpdateRoleMappingDto } from '../auth/oidc/dto/role-mapping.dto';
import { OidcClientService } from '../auth/oidc/oidc-client.service';
import { RoleMappingsService } from '../auth/oidc/role-mappings.service';
import { AppConfig } from '../config/app-config';
import { FailedAdminForm } from './admin-pages';
import { FormBody, formFailure, FormReader, validated } from './form-input';
import { PageRenderer } from './page-renderer.service';
import { redirectWithFlash } from './page-session';
import { ssoSettingsView } from './sso-settings-view';
import { WebPages } from './web-page.decorator';

const PAGE = '/quan-tri/dang-nhap-mot-lan';

/**
 * `/quan-tri/dang-nhap-mot-lan`: what capdo is configured with for single sign-on (never the secret), the addresses to
 * register at the provider, and the table mapping the provider's roles and groups to capdo roles (administrators).
 */
@WebPages()
@Controller('quan-tri/dang-nhap-mot-lan')
export class SsoSettingsPagesController {
  constructor(
    private readonly view: PageRenderer,
    private readonly mappings: RoleMappingsService,
    private readonly oidcClient: OidcClientService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @RequirePermission('sign-in:configure')
  settings(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.render(req, res, undefined);
  }

  @Post('anh-xa')
  @RequirePermission('sign-in:configure')
  async add(@Req() req: Request, @Res() res: Response, @Body() body: FormBody): Promise<void> {
    try {
      const dto = await validated(CreateRoleMappingDto, mappingFromForm(body));
      const created = await this.mappings.create(dto);
      return redirectWithFlash(req, res, PAGE, `Đã thêm ánh xạ “${created.claimValue}”.`);
    } catch (error) {
      return this.render(req, res, { form: 'add', failure: formFailure(error), values: body });
    }
  }

  @Post('anh-xa/:id')
  @RequirePermission('sign-in:configure')
  async change(@Req() req: Request, @Res() res: Response, @Param('id') id: string, @Body() body: FormBody): Promise<void> {
    try {
      const dto = await validated(UpdateRoleMappingDto, mappingFromForm(body));
      const changed = await this.mappings.update(id, dto);
      return redirectWithFlash(req, res, PAGE, `Đã lưu ánh xạ “${changed.claimValue}”.`);
    } catch (error) {
      return this.render(req, res, { form: `row-${id}`, failure: formFailure(error), values: body });
    }
  }

  @Post('anh-xa/:id/xoa')
  @RequirePermission('sign-in:configure')
  async remove(@Req() req: Request, @Res() res: Response, @Param('id') id: string): Promise<void> {
    const removed = await this.mappings.get(id);
    await this.mappings.remove(id);
    return redirectWithFlash(req, res, PAGE, `Đã xóa ánh xạ “${removed.claimValue}”.`);
  }

  private async render(req: Request, res: Response, failed: FailedAdminForm): Promise<void> {
    const origin = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    const settings = ssoSettingsView({
      issuerUrl: this.config.OIDC_ISSUER_URL,
      clientId: this.config.OIDC_CLIENT_ID,
      clientSecretSet: !!this.config.OIDC_CLIENT_SECRET,
      scopes: this.config.OIDC_SCOPES,
      usernameClaim: this.config.OIDC_USERNAME_CLAIM,
      fullNameClaim: this.config.OIDC_FULL_NAME_CLAIM,
      agencyClaim: this.config.OIDC_AGENCY_CLAIM,
      rolesClaim: this.config.OIDC_ROLES_CLAIM,
      localSignIn: this.config.LOCAL_SIGN_IN,
      redirectUri: this.oidcClient.redirectUri(origin),
      postLogoutRedirectUri: this.oidcClient.postLogoutRedirectUri(origin),
    });
    const mappings = await this.mappings.list();
    return this.view.render(req, res, 'admin-sso-settings', { settings, mappings, failed }, failed ? 422 : 200);
  }
}

/** The form's two fields in the DTO's shape: the value as typed (the DTO trims it), the role as chosen. */
function mappingFromForm(body: FormBody): { claimValue?: string; role?: string } {
  const reader = new FormReader(body);
  return { claimValue: reader.raw('claimValue'), role: reader.text('role') ?? undefined };
}
