import { PipeTransform } from '@nestjs/common';
import { isCalendarDate } from '../common/dates';
import { DomainError } from '../common/errors/domain-error';
import { CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR } from './dto/calendar.dto';

/** The `:day` of a calendar route: a real 'YYYY-MM-DD' date in the years administrators manage, else 422. */
export class CalendarDayPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (!isCalendarDate(value)) throw invalidDay('phải là ngày có thật dạng YYYY-MM-DD');
    const year = Number(value.slice(0, 4));
    if (year < CALENDAR_MIN_YEAR || year > CALENDAR_MAX_YEAR) throw invalidDay(`năm phải từ ${CALENDAR_MIN_YEAR} đến ${CALENDAR_MAX_YEAR}`);
    return value;
  }
}

const invalidDay = (message: string) => new DomainError('VALIDATION_FAILED', 'Một số trường chưa hợp lệ.', { day: [message] });
