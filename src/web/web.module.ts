import { Module } from '@nestjs/common';
import { AdminPagesController } from './admin-pages.controller';
import { AppraisalPagesController } from './appraisal-pages.controller';
import { AuthPagesController } from './auth-pages.controller';
import { CsrfGuard } from './csrf.guard';
import { DossierPagesController } from './dossier-pages.controller';
import { HomePageController } from './home-page.controller';
import { NotificationPagesController } from './notification-pages.controller';
import { PageErrorFilter } from './page-error.filter';
import { PageRenderer } from './page-renderer.service';
import { PriorApprovalPagesController } from './prior-approval-pages.controller';
import { ReportPagesController } from './report-pages.controller';
import { SystemPagesController } from './system-pages.controller';
import { WebServices } from './web-services';
import { WizardPagesController } from './wizard-pages.controller';

/** The web interface: server-rendered Vietnamese pages at /, on the same services and permissions as the API. */
@Module({
  controllers: [
    AuthPagesController,
    HomePageController,
    SystemPagesController,
    PriorApprovalPagesController,
    WizardPagesController,
    DossierPagesController,
    AppraisalPagesController,
    ReportPagesController,
    NotificationPagesController,
    AdminPagesController,
  ],
  providers: [WebServices, PageRenderer, CsrfGuard, PageErrorFilter],
})
export class WebModule {}
