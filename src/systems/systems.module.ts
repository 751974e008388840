import { Module } from '@nestjs/common';
import { SystemsExportService } from './import-export/systems-export.service';
import { SystemsImportExportController } from './import-export/systems-import-export.controller';
import { SystemsImportService } from './import-export/systems-import.service';
import { SystemsCommandService } from './systems-command.service';
import { SystemsController } from './systems.controller';
import { SystemsQueryService } from './systems-query.service';

@Module({
  // The import/export controller first: its fixed paths must win over SystemsController's ":id".
  controllers: [SystemsImportExportController, SystemsController],
  providers: [SystemsQueryService, SystemsCommandService, SystemsImportService, SystemsExportService],
  exports: [SystemsQueryService, SystemsCommandService],
})
export class SystemsModule {}
