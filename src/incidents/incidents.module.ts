import { Module } from '@nestjs/common';
import { IncidentNoticeService } from './incident-notice.service';
import { IncidentRemindersService } from './incident-reminders.service';
import { IncidentsController, SystemIncidentsController } from './incidents.controller';
import { IncidentsService } from './incidents.service';

/** The incident register (ND331 Art. 31.2.c–d): reads systems and agencies with SQL, imports no other feature module. */
@Module({
  controllers: [SystemIncidentsController, IncidentsController],
  providers: [IncidentsService, IncidentNoticeService, IncidentRemindersService],
  exports: [IncidentsService],
})
export class IncidentsModule {}
