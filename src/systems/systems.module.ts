import { Module } from '@nestjs/common';
import { RedeterminationModule } from '../redetermination/redetermination.module';
import { SystemsExportService } from './import-export/systems-export.service';
import { SystemsImportExportController } from './import-export/systems-import-export.controller';
import { SystemsImportService } from './import-export/systems-import.service';
import { ImportStash } from './import-export/import-stash';
import { SystemsCommandService } from './systems-command.service';
import { SystemsController } from './systems.controller';
import { SystemsQueryService } from './systems-query.service';
import { SystemStateSecretHooks } from './system-state-secret-hooks';
import { PriorApprovalsController } from './prior-approvals/prior-approvals.controller';
import { PriorApprovalsService } from './prior-approvals/prior-approvals.service';

@Module({
  imports: [RedeterminationModule],
  // The import/export controller first: its fixed paths must win over SystemsController's ":id".
  controllers: [SystemsImportExportController, SystemsController, PriorApprovalsController],
  providers: [
    SystemsQueryService,
    SystemsCommandService,
    SystemsImportService,
    ImportStash,
    SystemsExportService,
    PriorApprovalsService,
    SystemStateSecretHooks,
  ],
  exports: [SystemsQueryService, SystemsCommandService, PriorApprovalsService, SystemStateSecretHooks, SystemsImportService, ImportStash],
})
export class SystemsModule {}
