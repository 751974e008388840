import { Module } from '@nestjs/common';
import { AgenciesAdminService } from './agencies-admin.service';
import { AgenciesQueryService } from './agencies-query.service';
import { AgenciesController } from './agencies.controller';

@Module({
  controllers: [AgenciesController],
  providers: [AgenciesQueryService, AgenciesAdminService],
})
export class AgenciesModule {}
