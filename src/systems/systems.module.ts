import { Module } from '@nestjs/common';
import { SystemsCommandService } from './systems-command.service';
import { SystemsController } from './systems.controller';
import { SystemsQueryService } from './systems-query.service';

@Module({
  controllers: [SystemsController],
  providers: [SystemsQueryService, SystemsCommandService],
  exports: [SystemsQueryService, SystemsCommandService],
})
export class SystemsModule {}
