import { Module } from '@nestjs/common';
import { CalendarAdminService } from './calendar-admin.service';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';

@Module({
  controllers: [CalendarController],
  providers: [CalendarService, CalendarAdminService],
  exports: [CalendarService, CalendarAdminService],
})
export class CalendarModule {}
