import { Injectable } from '@nestjs/common';
import { Between, DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { CalendarConfirmation } from './calendar-confirmation.entity';
import { CalendarOverride } from './calendar-override.entity';
import { mapConfirmation, mapOverride, mapSpecialDay } from './calendar.mapper';
import { VIETNAM_CALENDAR } from './vietnam-calendar-data';
import { CalendarYearDto, WorkingDaysDto, WorkingDaysQuery } from './dto/calendar.dto';
import { hasBuiltInData, WorkingCalendar } from './working-days';

/** Overrides change rarely and every deadline reads them: keep them for a minute per process. */
const CACHE_TTL_MS = 60_000;

/**
 * The working calendar the workflow counts deadlines with: the built-in data plus the administrators' overrides.
 * Cached per process for 60 s; a write in this process invalidates it at once, other instances see it within 60 s.
 */
@Injectable()
export class CalendarService {
  private cached?: { calendar: WorkingCalendar; loadedAt: number };
  /** Bumped by every invalidation, so a load that raced a write does not cache what it read before the write. */
  private generation = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The current calendar; pass the caller's transaction manager to read through it when a load is needed. */
  async calendar(em?: EntityManager): Promise<WorkingCalendar> {
    if (this.cached && Date.now() - this.cached.loadedAt < CACHE_TTL_MS) return this.cached.calendar;
    const generation = this.generation;
    const manager = em ?? this.dataSource.manager;
    const overrides = await manager.find(CalendarOverride);
    const confirmed = await manager.find(CalendarConfirmation, { select: { day: true } });
    const calendar = new WorkingCalendar(
      overrides,
      VIETNAM_CALENDAR,
      confirmed.map((c) => c.day),
    );
    if (generation === this.generation) this.cached = { calendar, loadedAt: Date.now() };
    return calendar;
  }

  invalidate(): void {
    this.generation++;
    this.cached = undefined;
  }

  /** The year as an administrator reviews it, read fresh from the database (not from the cache). */
  async year(year = Number(this.clock.today().slice(0, 4))): Promise<CalendarYearDto> {
    const overrides = await this.dataSource
      .getRepository(CalendarOverride)
      .find({ where: { day: Between(`${year}-01-01`, `${year}-12-31`) }, order: { day: 'ASC' } });
    const confirmations = await this.dataSource
      .getRepository(CalendarConfirmation)
      .find({ where: { day: Between(`${year}-01-01`, `${year}-12-31`) }, order: { day: 'ASC' } });
    const calendar = new WorkingCalendar(
      overrides,
      VIETNAM_CALENDAR,
      confirmations.map((c) => c.day),
    );
    const days = calendar.holidaysIn(year).map(mapSpecialDay);
    return {
      year,
      hasBuiltInData: hasBuiltInData(year),
      notice: noticeFor(
        year,
        days.some((d) => d.provisional),
        days.filter((d) => !d.confirmed).length,
      ),
      days,
      overrides: overrides.map(mapOverride),
      confirmations: confirmations.map(mapConfirmation),
    };
  }

  async workingDays(query: WorkingDaysQuery): Promise<WorkingDaysDto> {
    const calendar = await this.calendar();
    return { from: query.from, days: query.days, due: calendar.addWorkingDays(query.from, query.days) };
  }
}

function noticeFor(year: number, provisional: boolean, unconfirmed: number): string | null {
  if (!hasBuiltInData(year)) {
    return `Phần mềm chưa có lịch nghỉ lễ năm ${year}: chỉ tính thứ Bảy, Chủ nhật và các ngày quản trị viên khai báo.`;
  }
  if (provisional) {
    return `Lịch nghỉ lễ năm ${year} chưa có thông báo chính thức — tính theo Bộ luật Lao động. Quản trị viên cần đối chiếu khi có thông báo của Thủ tướng Chính phủ, Bộ Nội vụ, rồi xác nhận từng ngày.`;
  }
  if (unconfirmed > 0) {
    return `Năm ${year} còn ${unconfirmed} ngày chưa được xác nhận nguồn (văn bản chính thức): quản trị viên đối chiếu và xác nhận từng ngày; các thời hạn tính qua những ngày này có cảnh báo.`;
  }
  return null;
}
