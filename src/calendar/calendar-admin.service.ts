import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth-user';
import { DomainError, notFound } from '../common/errors/domain-error';
import { CalendarConfirmation } from './calendar-confirmation.entity';
import { CalendarOverride } from './calendar-override.entity';
import { mapConfirmation, mapOverride } from './calendar.mapper';
import { CalendarService } from './calendar.service';
import { CalendarConfirmationDto, CalendarOverrideDto, ConfirmCalendarDayDto, PutCalendarDayDto } from './dto/calendar.dto';
import { VIETNAM_CALENDAR } from './vietnam-calendar-data';
import { confirmableBuiltInDay, overrideWithoutEffect } from './working-days';

/** Administrators' changes to the calendar: each one audited in its transaction, and the cache dropped after it. */
@Injectable()
export class CalendarAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly calendars: CalendarService,
  ) {}

  async put(user: AuthUser, day: string, dto: PutCalendarDayDto): Promise<CalendarOverrideDto> {
    const pointless = overrideWithoutEffect(day, dto.kind);
    if (pointless) throw new DomainError('VALIDATION_FAILED', pointless, { kind: [pointless] });
    try {
      return await this.dataSource.transaction(async (em) => {
        const current = await em.findOne(CalendarOverride, { where: { day }, lock: { mode: 'pessimistic_write' } });
        await em
          .createQueryBuilder()
          .insert()
          .into(CalendarOverride)
          .values({ day, kind: dto.kind, name: dto.name, updatedBy: user.id, updatedAt: () => 'now()' })
          .orUpdate(['kind', 'name', 'updated_by', 'updated_at'], ['day'])
          .execute();
        const after = mapOverride(await em.findOneByOrFail(CalendarOverride, { day }));
        await this.audit.record(em, {
          action: current ? 'UPDATE' : 'CREATE',
          entityType: 'calendar_override',
          entityId: day,
          before: current ? mapOverride(current) : null,
          after,
        });
        return after;
      });
    } finally {
      this.calendars.invalidate();
    }
  }

  /**
   * An administrator confirms a built-in day whose source is not confirmed (Quốc khánh 2026, the 2027 days…) against the
   * official notice; clocks crossing it lose their warning. Days the data already sources, or not built in: 422 / 404.
   */
  async confirm(user: AuthUser, day: string, dto: ConfirmCalendarDayDto): Promise<CalendarConfirmationDto> {
    if (!VIETNAM_CALENDAR.some((d) => d.day === day)) throw notFound('Ngày này không có trong lịch nghỉ lễ, làm bù có sẵn.');
    if (!confirmableBuiltInDay(day)) {
      const message = 'Ngày này đã có văn bản làm căn cứ trong lịch có sẵn, không cần xác nhận.';
      throw new DomainError('VALIDATION_FAILED', message, { day: [message] });
    }
    try {
      return await this.dataSource.transaction(async (em) => {
        const current = await em.findOne(CalendarConfirmation, { where: { day }, lock: { mode: 'pessimistic_write' } });
        await em
          .createQueryBuilder()
          .insert()
          .into(CalendarConfirmation)
          .values({ day, source: dto.source, confirmedBy: user.id, confirmedAt: () => 'now()' })
          .orUpdate(['source', 'confirmed_by', 'confirmed_at'], ['day'])
          .execute();
        const after = mapConfirmation(await em.findOneByOrFail(CalendarConfirmation, { day }));
        await this.audit.record(em, {
          action: current ? 'UPDATE' : 'CREATE',
          entityType: 'calendar_confirmation',
          entityId: day,
          before: current ? mapConfirmation(current) : null,
          after,
        });
        return after;
      });
    } finally {
      this.calendars.invalidate();
    }
  }

  async remove(day: string): Promise<void> {
    try {
      await this.dataSource.transaction(async (em) => {
        const current = await em.findOne(CalendarOverride, { where: { day }, lock: { mode: 'pessimistic_write' } });
        if (!current) throw notFound('Ngày này không có điều chỉnh nào của quản trị viên.');
        await em.delete(CalendarOverride, { day });
        await this.audit.record(em, { action: 'DELETE', entityType: 'calendar_override', entityId: day, before: mapOverride(current) });
      });
    } finally {
      this.calendars.invalidate();
    }
  }
}
