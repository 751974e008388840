import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { UsersAdminService } from './users-admin.service';
import { UsersImportService } from './users-import.service';
import { UsersQueryService } from './users-query.service';
import { UsersController } from './users.controller';
import { UsersModule } from './users.module';

/**
 * Account administration (issue 22): the API and the services the pages call. Apart from UsersModule, which stays a
 * leaf, because ending an account's sessions needs AuthModule, and AuthModule itself needs UsersModule.
 */
@Module({
  imports: [UsersModule, AuthModule],
  controllers: [UsersController],
  providers: [UsersQueryService, UsersAdminService, UsersImportService],
  exports: [UsersQueryService, UsersAdminService, UsersImportService],
})
export class AccountsModule {}
