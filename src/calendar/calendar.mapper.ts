import { CalendarConfirmation } from './calendar-confirmation.entity';
import { CalendarOverride } from './calendar-override.entity';
import { CalendarConfirmationDto, CalendarDayDto, CalendarOverrideDto } from './dto/calendar.dto';
import { SpecialDay, weekdayLabel } from './working-days';

export function mapSpecialDay(d: SpecialDay): CalendarDayDto {
  return {
    day: d.day,
    weekday: weekdayLabel(d.day),
    kind: d.kind,
    name: d.name,
    source: d.source,
    provisional: d.provisional,
    sourceDocument: d.sourceDocument,
    confirmed: d.confirmed,
  };
}

export function mapOverride(o: CalendarOverride): CalendarOverrideDto {
  return {
    day: o.day,
    weekday: weekdayLabel(o.day),
    kind: o.kind,
    name: o.name,
    updatedBy: o.updatedBy,
    updatedAt: o.updatedAt.toISOString(),
  };
}

export function mapConfirmation(c: CalendarConfirmation): CalendarConfirmationDto {
  return {
    day: c.day,
    weekday: weekdayLabel(c.day),
    source: c.source,
    confirmedBy: c.confirmedBy,
    confirmedAt: c.confirmedAt.toISOString(),
  };
}
