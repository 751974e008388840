import { Module } from '@nestjs/common';
import { AgenciesAdminService } from './agencies-admin.service';
import { AgenciesQueryService } from './agencies-query.service';
import { AgenciesReorganisationService } from './agencies-reorganisation.service';
import { AgenciesController } from './agencies.controller';
import { AgencyReorganisationsController } from './agency-reorganisations.controller';
import { UsersModule } from '../users/users.module';

@Module({
  imports: [UsersModule],
  controllers: [AgenciesController, AgencyReorganisationsController],
  providers: [AgenciesQueryService, AgenciesAdminService, AgenciesReorganisationService],
  exports: [AgenciesQueryService, AgenciesAdminService, AgenciesReorganisationService],
})
export class AgenciesModule {}
