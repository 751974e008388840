import { Module } from '@nestjs/common';
import { SystemsModule } from '../systems/systems.module';
import { InspectionStateSecretListener } from './inspection-state-secret.listener';
import { InspectionFindingsService } from './inspection-findings.service';
import { InspectionPoliciesController } from './inspection-policies.controller';
import { InspectionPoliciesService } from './inspection-policies.service';
import { InspectionRecordingService } from './inspection-recording.service';
import { InspectionRemindersService } from './inspection-reminders.service';
import { InspectionScheduleService } from './inspection-schedule.service';
import { InspectionsController } from './inspections.controller';

/**
 * Inspections after approval (docs/legal/inspections.md). Reads systems with SQL; imports the systems module only for
 * its state-secret hook (the systems module does not import this one).
 */
@Module({
  imports: [SystemsModule],
  controllers: [InspectionsController, InspectionPoliciesController],
  providers: [
    InspectionStateSecretListener,
    InspectionRecordingService,
    InspectionFindingsService,
    InspectionScheduleService,
    InspectionPoliciesService,
    InspectionRemindersService,
  ],
  exports: [
    InspectionScheduleService,
    InspectionRecordingService,
    InspectionFindingsService,
    InspectionPoliciesService,
    InspectionRemindersService,
  ],
})
export class InspectionsModule {}
