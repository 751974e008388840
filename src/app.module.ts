import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AccessModule } from './access/access.module';
import { AgenciesModule } from './agencies/agencies.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ClassificationModule } from './classification/classification.module';
import { ProblemFilter } from './common/errors/problem.filter';
import { LoggingModule } from './common/logging.module';
import { createValidationPipe } from './common/validation/validation-pipe';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DossiersModule } from './dossiers/dossiers.module';
import { HealthModule } from './health/health.module';
import { RequirementsModule } from './requirements/requirements.module';
import { SystemsModule } from './systems/systems.module';

@Module({
  imports: [ConfigModule, LoggingModule, DatabaseModule, AccessModule, AuditModule, AuthModule, HealthModule, AgenciesModule, ClassificationModule, RequirementsModule, SystemsModule, DossiersModule],
  providers: [
    { provide: APP_FILTER, useClass: ProblemFilter },
    { provide: APP_PIPE, useFactory: createValidationPipe },
  ],
})
export class AppModule {}
