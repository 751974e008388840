import { Module } from '@nestjs/common';
import { PlanItemEvidenceService } from './plan-item-evidence.service';
import { PlanItemRemindersService } from './plan-item-reminders.service';
import { PlanItemsController } from './plan-items.controller';
import { PlanItemsService } from './plan-items.service';

/**
 * The approved plan, item by item. Reads systems and dossiers with SQL and writes systems only through
 * systems/system-writes.ts, so it imports no feature module (the workflow and systems call its plain functions).
 */
@Module({
  controllers: [PlanItemsController],
  providers: [PlanItemsService, PlanItemEvidenceService, PlanItemRemindersService],
  exports: [PlanItemsService, PlanItemEvidenceService, PlanItemRemindersService],
})
export class PlanItemsModule {}
