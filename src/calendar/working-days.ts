/**
 * The Vietnamese working-day calendar and the counting of statutory time limits. Pure: no Nest, no TypeORM.
 * Days are 'YYYY-MM-DD' strings, computed in UTC so no local time zone can shift them.
 *
 * How a limit is counted (Bộ luật Dân sự 2015):
 *  - Art. 147.2–3: a limit in days starts the day after the day of the event (the receipt of a dossier, the day it is
 *    complete): the event day itself is never counted.
 *  - Art. 148.1 and 148.6: a limit in days ends at 24:00 of its last day — the due date is that last day.
 *  - Art. 148.5: if the last day is a weekend day or a holiday, the limit ends at the end of the next working day.
 * A limit in working days ("ngày làm việc", ND331 and ND85 Art. 17.2) counts only working days, so its last day is
 * always one. A limit in days ("ngày", ND85 Art. 16.2) counts every calendar day and Art. 148.5 then moves a last
 * day that is not a working day — a weekend, a holiday, a compensatory or swapped day off — to the next working day;
 * a Saturday worked under a swap is a working day and can be the last day.
 */
import { isCalendarDate } from '../common/dates';
import { BUILT_IN_YEARS, BuiltInDay, VIETNAM_CALENDAR } from './vietnam-calendar-data';

export const OVERRIDE_KINDS = ['HOLIDAY', 'WORKDAY', 'NORMAL'] as const;
/** HOLIDAY: a day off; WORKDAY: a day worked; NORMAL: cancels the built-in entry of that day (back to its weekday). */
export type OverrideKind = (typeof OVERRIDE_KINDS)[number];

export interface CalendarOverrideInput {
  day: string;
  kind: OverrideKind;
  name: string;
}

export type DaySource = 'BUILT_IN' | 'OVERRIDE';

/** A day whose status is set by the built-in data or an administrator, rather than by its weekday alone. */
export interface SpecialDay {
  day: string;
  kind: 'HOLIDAY' | 'WORKDAY';
  name: string;
  source: DaySource;
  /** Built in without an official notice yet ("chưa có thông báo chính thức"). */
  provisional: boolean;
  /** The document that fixes the day (built in), or null. */
  sourceDocument: string | null;
  /**
   * Its source is confirmed: a built-in day naming its document, a day an administrator confirmed,
   * or an administrator's override (the administrator's own statement).
   */
  confirmed: boolean;
}

const DAY_MS = 86_400_000;
/** Far more than any statutory limit; stops a runaway loop on nonsense input. */
const MAX_SPAN_DAYS = 36_600;
const WEEKDAY_LABELS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

function toEpochDay(day: string): number {
  if (!isCalendarDate(day)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${String(day)}`);
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
}

function fromEpochDay(epochDay: number): string {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

function assertCount(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > MAX_SPAN_DAYS)
    throw new RangeError(`A number of days must be an integer from 0 to ${MAX_SPAN_DAYS}: ${n}`);
}

export function addDays(day: string, n: number): string {
  return fromEpochDay(toEpochDay(day) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(day: string): number {
  return new Date(toEpochDay(day) * DAY_MS).getUTCDay();
}

export function isWeekend(day: string): boolean {
  const weekday = dayOfWeek(day);
  return weekday === 0 || weekday === 6;
}

/** "Thứ Hai" … "Chủ nhật". */
export function weekdayLabel(day: string): string {
  return WEEKDAY_LABELS[dayOfWeek(day)];
}

export function hasBuiltInData(year: number): boolean {
  return (BUILT_IN_YEARS as readonly number[]).includes(year);
}

/**
 * Why an override would change nothing, or undefined when it has an effect. HOLIDAY on a Saturday or Sunday that is
 * not a built-in working Saturday, WORKDAY on a weekday that is not a built-in holiday, NORMAL where nothing is built in.
 */
export function overrideWithoutEffect(day: string, kind: OverrideKind, data: readonly BuiltInDay[] = VIETNAM_CALENDAR): string | undefined {
  const builtIn = data.find((d) => d.day === day);
  if (kind === 'NORMAL') return builtIn ? undefined : 'Ngày này không có trong lịch nghỉ lễ, làm bù có sẵn nên không có gì để hủy.';
  if (kind === 'HOLIDAY' && isWeekend(day) && builtIn?.kind !== 'WORKDAY') return 'Thứ Bảy, Chủ nhật đã là ngày nghỉ hằng tuần.';
  if (kind === 'WORKDAY' && !isWeekend(day) && builtIn?.kind !== 'HOLIDAY') return 'Ngày này đã là ngày làm việc.';
  return undefined;
}

/** The built-in calendar with an administrator's overrides applied on top. */
export class WorkingCalendar {
  private readonly days = new Map<string, SpecialDay>();

  /** `confirmedDays`: built-in days an administrator confirmed against their official notice. */
  constructor(
    overrides: readonly CalendarOverrideInput[] = [],
    data: readonly BuiltInDay[] = VIETNAM_CALENDAR,
    confirmedDays: readonly string[] = [],
  ) {
    const confirmedByAdmin = new Set(confirmedDays);
    for (const d of data)
      this.days.set(d.day, {
        day: d.day,
        kind: d.kind,
        name: d.name,
        source: 'BUILT_IN',
        provisional: d.provisional === true,
        sourceDocument: d.source ?? null,
        confirmed: isBuiltInDayConfirmed(d) || confirmedByAdmin.has(d.day),
      });
    for (const o of overrides) {
      toEpochDay(o.day);
      if (o.kind === 'NORMAL') this.days.delete(o.day);
      else
        this.days.set(o.day, {
          day: o.day,
          kind: o.kind,
          name: o.name,
          source: 'OVERRIDE',
          provisional: false,
          sourceDocument: null,
          confirmed: true,
        });
    }
  }

  /**
   * The days after `from` up to and including `to` whose status changes the count (a weekday off, a weekend worked)
   * and whose source is not confirmed: a clock over them may move once an administrator checks them.
   */
  unconfirmedBetween(from: string, to: string): SpecialDay[] {
    const [a, b] = [toEpochDay(from), toEpochDay(to)];
    if (b - a > MAX_SPAN_DAYS) throw new RangeError(`Span too long: ${from} → ${to}`);
    return [...this.days.values()]
      .filter((d) => !d.confirmed && d.day > from && d.day <= to && changesTheCount(d))
      .sort((x, y) => x.day.localeCompare(y.day));
  }

  /** The entry that sets this day's status, if any (weekend holidays included). */
  specialDay(day: string): SpecialDay | undefined {
    toEpochDay(day);
    return this.days.get(day);
  }

  isWorkingDay(day: string): boolean {
    const special = this.specialDay(day);
    if (special) return special.kind === 'WORKDAY';
    return !isWeekend(day);
  }

  /** The first working day strictly after `day`. */
  nextWorkingDay(day: string): string {
    let current = addDays(day, 1);
    for (let i = 0; !this.isWorkingDay(current); i++) {
      if (i > MAX_SPAN_DAYS) throw new RangeError(`No working day after ${day}`);
      current = addDays(current, 1);
    }
    return current;
  }

  /** `day` itself when it is a working day, otherwise the next one (Civil Code Art. 148.5). */
  workingDayOnOrAfter(day: string): string {
    return this.isWorkingDay(day) ? day : this.nextWorkingDay(day);
  }

  /**
   * The due date of a limit of n working days for an event on `start`: the working days are counted from the day
   * after `start` (Art. 147), and the n-th is the last day. n = 0 means no time at all: `start` itself.
   */
  addWorkingDays(start: string, n: number): string {
    assertCount(n);
    let current = start;
    toEpochDay(current);
    for (let counted = 0; counted < n; counted++) current = this.nextWorkingDay(current);
    return current;
  }

  /**
   * The due date of a limit of n days ("ngày") for an event on `start`: start + n calendar days (Art. 147, the event
   * day not counted), moved to the next working day when that last day is not one (Art. 148.5).
   */
  addCalendarDays(start: string, n: number): string {
    assertCount(n);
    return n === 0 ? start : this.workingDayOnOrAfter(addDays(start, n));
  }

  /**
   * Working days after `from` up to and including `to` — the same count as addWorkingDays, so
   * workingDaysBetween(s, addWorkingDays(s, n)) === n. Negative when `to` is before `from`.
   */
  workingDaysBetween(from: string, to: string): number {
    const [a, b] = [toEpochDay(from), toEpochDay(to)];
    if (b < a) return -this.workingDaysBetween(to, from);
    if (b - a > MAX_SPAN_DAYS) throw new RangeError(`Span too long: ${from} → ${to}`);
    let count = 0;
    for (let d = a + 1; d <= b; d++) if (this.isWorkingDay(fromEpochDay(d))) count++;
    return count;
  }

  /** Every weekday off and every Saturday or Sunday worked in `year`, in date order. */
  holidaysIn(year: number): SpecialDay[] {
    const prefix = `${String(year).padStart(4, '0')}-`;
    return [...this.days.values()].filter((d) => d.day.startsWith(prefix) && changesTheCount(d)).sort((x, y) => x.day.localeCompare(y.day));
  }
}

/** A weekday off or a weekend worked: a day whose entry changes how working days are counted. */
function changesTheCount(d: SpecialDay): boolean {
  return (d.kind === 'HOLIDAY') !== isWeekend(d.day);
}

/**
 * A built-in day is confirmed by its data when it names its document: the Labour Code fixes 1/1, 30/4, 1/5, 2/9 and
 * 10/3 âm lịch (Art. 112.1) and their nghỉ bù (Art. 111.3) even in a year without a notice; every other day (Tết, the
 * day next to 2/9, swaps) waits for the notice.
 */
export function isBuiltInDayConfirmed(d: BuiltInDay): boolean {
  return !!d.source;
}

/** Whether an administrator can confirm this day: a built-in day whose source is not confirmed by the data. */
export function confirmableBuiltInDay(day: string, data: readonly BuiltInDay[] = VIETNAM_CALENDAR): BuiltInDay | undefined {
  const d = data.find((x) => x.day === day);
  return d && !isBuiltInDayConfirmed(d) ? d : undefined;
}
