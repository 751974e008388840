import { DossierIndependenceController } from './dossier-independence.controller';
import { IndependentAppraiserService } from './independent-appraiser.service';
import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { DossiersModule } from '../dossiers/dossiers.module';
import { RoutingModule } from '../routing/routing.module';
import { SystemsModule } from '../systems/systems.module';
import { AppraisalQueueService } from './appraisal-queue.service';
import { DossierActionsController } from './dossier-actions.controller';
import { DossierHistoryController } from './dossier-history.controller';
import { DossierHistoryService } from './dossier-history.service';
import { DossierWorkflowService } from './dossier-workflow.service';
import { DueRemindersService } from './due-reminders.service';
import { StateSecretWithdrawalService } from './state-secret-withdrawal.service';

@Module({
  imports: [DossiersModule, SystemsModule, RoutingModule, CalendarModule],
  controllers: [DossierActionsController, DossierHistoryController, DossierIndependenceController],
  providers: [
    DossierWorkflowService,
    IndependentAppraiserService,
    DossierHistoryService,
    AppraisalQueueService,
    DueRemindersService,
    StateSecretWithdrawalService,
  ],
  exports: [DossierWorkflowService, IndependentAppraiserService, DossierHistoryService, AppraisalQueueService, DueRemindersService],
})
export class WorkflowModule {}
