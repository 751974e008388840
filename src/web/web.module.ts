import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { AnnualReportsModule } from '../annual-reports/annual-reports.module';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { CalendarModule } from '../calendar/calendar.module';
import { ClassificationModule } from '../classification/classification.module';
import { DossiersModule } from '../dossiers/dossiers.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReportsModule } from '../reports/reports.module';
import { RedeterminationModule } from '../redetermination/redetermination.module';
import { RoutingModule } from '../routing/routing.module';
import { SystemsModule } from '../systems/systems.module';
import { UsersModule } from '../users/users.module';
import { AccountsModule } from '../users/accounts.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { AdminAgenciesPagesController } from './admin-agencies-pages.controller';
import { AdminAuditPagesController } from './admin-audit-pages.controller';
import { AdminCalendarPagesController } from './admin-calendar-pages.controller';
import { AdminCampaignsPagesController } from './admin-campaigns-pages.controller';
import { AdminHomePageController } from './admin-home-page.controller';
import { AdminRoutingPagesController } from './admin-routing-pages.controller';
import { AdminUsersPagesController } from './admin-users-pages.controller';
import { AccountImportPagesController } from './account-import-pages.controller';
import { AccountPagesController } from './account-pages.controller';
import { AccountPageView } from './account-page-view.service';
import { AppraisalPagesController } from './appraisal-pages.controller';
import { AuthPagesController } from './auth-pages.controller';
import { PasswordPagesController } from './password-pages.controller';
import { SsoPagesController } from './sso-pages.controller';
import { SsoSettingsPagesController } from './sso-settings-pages.controller';
import { CsrfGuard } from './csrf.guard';
import { DecisionPagesController } from './decision-pages.controller';
import { DossierPageView } from './dossier-page-view.service';
import { ReportPageView } from './report-page-view.service';
import { NotFoundPage } from './not-found-page';
import { ROUTE_NOT_FOUND_PAGE } from '../common/errors/problem.filter';
import { DossierPagesController } from './dossier-pages.controller';
import { DossierProcedurePagesController } from './dossier-procedure-pages.controller';
import { HomePageController } from './home-page.controller';
import { NotificationPagesController } from './notification-pages.controller';
import { PageErrorFilter } from './page-error.filter';
import { PageRenderer } from './page-renderer.service';
import { IncidentsModule } from '../incidents/incidents.module';
import { AfterApprovalPagesController } from './after-approval-pages.controller';
import { IncidentPagesController } from './incident-pages.controller';
import { InspectionsModule } from '../inspections/inspections.module';
import { InspectionPagesController } from './inspection-pages.controller';
import { PlanItemsModule } from '../plan-items/plan-items.module';
import { PlanItemsListPageController, PlanItemsPagesController } from './plan-items-pages.controller';
import { DossierPlanPagesController } from './dossier-plan-pages.controller';
import { DossierGroupAnswerPage } from './dossier-group-answer.service';
import { PriorApprovalPagesController } from './prior-approval-pages.controller';
import { RedeterminationPagesController } from './redetermination-pages.controller';
import { ReportPagesController } from './report-pages.controller';
import { SystemImportPagesController } from './system-import-pages.controller';
import { SystemPagesController } from './system-pages.controller';
import { WizardPagesController } from './wizard-pages.controller';

/**
 * The web interface: server-rendered Vietnamese pages at /, on the same services and permissions as the API. The
 * page controllers inject the features' own services, which those modules export for them: the same use cases,
 * access checks and audit as the API, never a copy.
 */
@Module({
  imports: [
    AuthModule,
    AuditModule,
    NotificationsModule,
    AgenciesModule,
    ClassificationModule,
    SystemsModule,
    DossiersModule,
    RoutingModule,
    CalendarModule,
    WorkflowModule,
    IncidentsModule,
    InspectionsModule,
    PlanItemsModule,
    ReportsModule,
    RedeterminationModule,
    AnnualReportsModule,
    UsersModule,
    AccountsModule,
  ],
  controllers: [
    AuthPagesController,
    PasswordPagesController,
    SsoPagesController,
    HomePageController,
    // Before SystemPagesController, whose ":id" would otherwise take "nhap-excel".
    SystemImportPagesController,
    SystemPagesController,
    PriorApprovalPagesController,
    RedeterminationPagesController,
    IncidentPagesController,
    InspectionPagesController,
    PlanItemsPagesController,
    PlanItemsListPageController,
    AfterApprovalPagesController,
    WizardPagesController,
    DossierPagesController,
    DossierPlanPagesController,
    DossierProcedurePagesController,
    AppraisalPagesController,
    DecisionPagesController,
    ReportPagesController,
    NotificationPagesController,
    AdminHomePageController,
    SsoSettingsPagesController,
    AdminAgenciesPagesController,
    AdminUsersPagesController,
    // Before AccountPagesController, whose ":id" would otherwise take "nhap".
    AccountImportPagesController,
    AccountPagesController,
    AdminRoutingPagesController,
    AdminCalendarPagesController,
    AdminCampaignsPagesController,
    AdminAuditPagesController,
  ],
  providers: [
    PageRenderer,
    DossierPageView,
    AccountPageView,
    DossierGroupAnswerPage,
    ReportPageView,
    CsrfGuard,
    PageErrorFilter,
    { provide: ROUTE_NOT_FOUND_PAGE, useClass: NotFoundPage },
  ],
  exports: [ROUTE_NOT_FOUND_PAGE],
})
export class WebModule {}
