import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AccessModule } from './access/access.module';
import { AgenciesModule } from './agencies/agencies.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AccountsModule } from './users/accounts.module';
import { CalendarModule } from './calendar/calendar.module';
import { ClassificationModule } from './classification/classification.module';
import { CommonModule } from './common/common.module';
import { ProblemFilter } from './common/errors/problem.filter';
import { LoggingModule } from './common/logging.module';
import { createValidationPipe } from './common/validation/validation-pipe';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DossiersModule } from './dossiers/dossiers.module';
import { HealthModule } from './health/health.module';
import { IncidentsModule } from './incidents/incidents.module';
import { InspectionsModule } from './inspections/inspections.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PlanItemsModule } from './plan-items/plan-items.module';
import { ReportsModule } from './reports/reports.module';
import { RedeterminationModule } from './redetermination/redetermination.module';
import { AnnualReportsModule } from './annual-reports/annual-reports.module';
import { RequirementsModule } from './requirements/requirements.module';
import { RoutingModule } from './routing/routing.module';
import { SystemsModule } from './systems/systems.module';
import { WebModule } from './web/web.module';
import { WorkflowModule } from './workflow/workflow.module';

@Module({
  imports: [
    ConfigModule,
    CommonModule,
    LoggingModule,
    DatabaseModule,
    NotificationsModule,
    AccessModule,
    AuditModule,
    AuthModule,
    AccountsModule,
    HealthModule,
    AgenciesModule,
    ClassificationModule,
    RequirementsModule,
    SystemsModule,
    DossiersModule,
    RoutingModule,
    CalendarModule,
    WorkflowModule,
    PlanItemsModule,
    ReportsModule,
    RedeterminationModule,
    AnnualReportsModule,
    IncidentsModule,
    InspectionsModule,
    WebModule,
  ],
  providers: [
    { provide: APP_FILTER, useClass: ProblemFilter },
    { provide: APP_PIPE, useFactory: createValidationPipe },
  ],
})
export class AppModule {}
