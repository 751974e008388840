import { BUILT_IN_YEARS, VIETNAM_CALENDAR } from './vietnam-calendar-data';
import { addDays, CalendarOverrideInput, isWeekend, overrideWithoutEffect, WorkingCalendar, weekdayLabel } from './working-days';

const calendar = new WorkingCalendar();
const withOverrides = (...overrides: CalendarOverrideInput[]) => new WorkingCalendar(overrides);

/** Every day from `first` to `last` is off, and the days just around them are worked: one unbroken break. */
function expectBreak(cal: WorkingCalendar, first: string, last: string): void {
  expect(cal.isWorkingDay(addDays(first, -1))).toBe(true);
  for (let day = first; day <= last; day = addDays(day, 1))
    expect({ day, working: cal.isWorkingDay(day) }).toEqual({ day, working: false });
  expect(cal.isWorkingDay(addDays(last, 1))).toBe(true);
}

describe('the breaks of the official notices', () => {
  it('Tết 2024: Thursday 08/02 to Wednesday 14/02', () => expectBreak(calendar, '2024-02-08', '2024-02-14'));
  it('Tết 2025: Saturday 25/01 to Sunday 02/02', () => expectBreak(calendar, '2025-01-25', '2025-02-02'));
  it('Tết 2026: Saturday 14/02 to Sunday 22/02 (Thông báo 9441/TB-BNV)', () => expectBreak(calendar, '2026-02-14', '2026-02-22'));
  it('Tết Dương lịch 2026: Thursday 01/01 to Sunday 04/01', () => expectBreak(calendar, '2026-01-01', '2026-01-04'));
  it('30/4 – 1/5 2024: Saturday 27/04 to Wednesday 01/05', () => expectBreak(calendar, '2024-04-27', '2024-05-01'));
  it('30/4 – 1/5 2025: Wednesday 30/04 to Sunday 04/05', () => expectBreak(calendar, '2025-04-30', '2025-05-04'));
  it('Giỗ Tổ 2026 on a Sunday: Saturday 25/04 to Monday 27/04', () => expectBreak(calendar, '2026-04-25', '2026-04-27'));
  it('Quốc khánh 2024: Saturday 31/08 to Tuesday 03/09', () => expectBreak(calendar, '2024-08-31', '2024-09-03'));
  it('Quốc khánh 2025: Saturday 30/08 to Tuesday 02/09', () => expectBreak(calendar, '2025-08-30', '2025-09-02'));
  it('Quốc khánh 2026: Saturday 29/08 to Wednesday 02/09', () => expectBreak(calendar, '2026-08-29', '2026-09-02'));

  it('works the swapped Saturdays', () => {
    for (const day of ['2024-05-04', '2025-04-26', '2026-01-10', '2026-08-22']) {
      expect(weekdayLabel(day)).toBe('Thứ Bảy');
      expect(calendar.isWorkingDay(day)).toBe(true);
    }
  });

  it('keeps ordinary weekends off and ordinary weekdays on', () => {
    expect(calendar.isWorkingDay('2026-11-07')).toBe(false);
    expect(calendar.isWorkingDay('2026-11-08')).toBe(false);
    expect(calendar.isWorkingDay('2026-11-09')).toBe(true);
    expect(calendar.isWorkingDay('2028-03-01')).toBe(true);
    expect(calendar.isWorkingDay('2028-03-04')).toBe(false);
  });
});

describe('addWorkingDays: counted from the day after the event (Civil Code Art. 147)', () => {
  it('counts an ordinary week: received Monday, 5 working days → next Monday', () => {
    expect(calendar.addWorkingDays('2026-11-02', 5)).toBe('2026-11-09');
    expect(calendar.addWorkingDays('2026-11-02', 1)).toBe('2026-11-03');
  });

  it('received on a Friday: day 1 is the Monday', () => {
    expect(calendar.addWorkingDays('2026-11-06', 1)).toBe('2026-11-09');
    expect(calendar.addWorkingDays('2026-11-06', 5)).toBe('2026-11-13');
  });

  it('received on a Saturday or a Sunday: the period starts on the Sunday or Monday, day 1 is still the Monday', () => {
    expect(calendar.addWorkingDays('2026-11-07', 1)).toBe('2026-11-09');
    expect(calendar.addWorkingDays('2026-11-08', 1)).toBe('2026-11-09');
    expect(calendar.addWorkingDays('2026-11-07', 5)).toBe('2026-11-13');
  });

  it('n = 0 is the event day itself', () => {
    expect(calendar.addWorkingDays('2026-11-07', 0)).toBe('2026-11-07');
  });

  it('Tết 2025: 5 working days from Thursday 23/01 end on Thursday 06/02, after the break', () => {
    expect(calendar.addWorkingDays('2025-01-23', 5)).toBe('2025-02-06');
    expect(calendar.addWorkingDays('2025-01-24', 1)).toBe('2025-02-03');
  });

  it('Tết 2026: 5 working days from Wednesday 11/02 end on Wednesday 25/02', () => {
    expect(calendar.addWorkingDays('2026-02-11', 5)).toBe('2026-02-25');
    expect(calendar.addWorkingDays('2026-02-13', 5)).toBe('2026-02-27');
    // Received during Tết: the clock starts with the first working day after it.
    expect(calendar.addWorkingDays('2026-02-17', 1)).toBe('2026-02-23');
  });

  it('Tết 2024: 5 working days from Wednesday 07/02 end on Wednesday 21/02', () => {
    expect(calendar.addWorkingDays('2024-02-07', 5)).toBe('2024-02-21');
  });

  it('counts a swapped working Saturday', () => {
    // Thursday 08/01/2026: Friday 09 (1), Saturday 10 worked (2), Monday 12 (3) — one day earlier than without the swap.
    expect(calendar.addWorkingDays('2026-01-08', 3)).toBe('2026-01-12');
    expect(new WorkingCalendar([], []).addWorkingDays('2026-01-08', 3)).toBe('2026-01-13');
    expect(calendar.addWorkingDays('2025-04-25', 1)).toBe('2025-04-26');
    expect(calendar.addWorkingDays('2026-08-21', 1)).toBe('2026-08-22');
  });

  it('30/4 – 1/5 2025: from Tuesday 29/04, day 1 is Monday 05/05', () => {
    expect(calendar.addWorkingDays('2025-04-29', 1)).toBe('2025-05-05');
    expect(calendar.addWorkingDays('2025-04-29', 5)).toBe('2025-05-09');
  });

  it('30/4 – 1/5 2024: the swapped Monday is off and the Saturday after is worked', () => {
    // Friday 26/04: Thursday 02/05 (1), Friday 03/05 (2), Saturday 04/05 (3), Monday 06/05 (4).
    expect(calendar.addWorkingDays('2024-04-26', 4)).toBe('2024-05-06');
  });

  it('2/9: jumps the Quốc khánh break in 2025 and 2026', () => {
    expect(calendar.addWorkingDays('2025-08-29', 1)).toBe('2025-09-03');
    expect(calendar.addWorkingDays('2026-08-28', 1)).toBe('2026-09-03');
    expect(calendar.addWorkingDays('2024-08-30', 1)).toBe('2024-09-04');
  });

  it('crosses the year boundary: 31/12 → January, past Tết Dương lịch', () => {
    expect(calendar.addWorkingDays('2024-12-31', 1)).toBe('2025-01-02');
    // 01/01/2026 holiday, 02/01 swapped off, 03–04 weekend.
    expect(calendar.addWorkingDays('2025-12-31', 1)).toBe('2026-01-05');
    // 01/01/2027 is a Friday holiday.
    expect(calendar.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    expect(calendar.addWorkingDays('2026-12-28', 5)).toBe('2027-01-05');
  });

  it('counts the statutory limits of the workflow on an ordinary November', () => {
    expect(calendar.addWorkingDays('2026-11-11', 15)).toBe('2026-12-02');
    expect(calendar.addWorkingDays('2026-11-26', 7)).toBe('2026-12-07');
  });

  it('rejects a negative, fractional or absurd count and a non-date', () => {
    expect(() => calendar.addWorkingDays('2026-11-02', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-11-02', 1.5)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-11-02', 1e9)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('02/09/2026')).toThrow(RangeError);
  });
});

describe('addCalendarDays: ND85 limits in days (Civil Code Arts. 147, 148.5)', () => {
  it('counts every day, holidays included, when the last day is a working day', () => {
    expect(calendar.addCalendarDays('2026-11-02', 30)).toBe('2026-12-02');
    // 15 days across Tết 2026 ending on Wednesday 25/02: no shift.
    expect(calendar.addCalendarDays('2026-02-10', 15)).toBe('2026-02-25');
  });

  it('moves a last day on a weekend to the next working day', () => {
    expect(calendar.addCalendarDays('2026-11-06', 15)).toBe('2026-11-23');
  });

  it('moves a last day in Tết to the first working day after it', () => {
    expect(calendar.addCalendarDays('2026-02-03', 15)).toBe('2026-02-23');
  });

  it('moves a last day on a swapped day off past the whole break', () => {
    // 31/08/2026 swapped off, 01–02/09 Quốc khánh → Thursday 03/09.
    expect(calendar.addCalendarDays('2026-08-16', 15)).toBe('2026-09-03');
  });

  it('moves a last day on a holiday that fell on a Sunday past its compensatory Monday', () => {
    expect(calendar.addCalendarDays('2026-04-11', 15)).toBe('2026-04-28');
  });

  it('keeps a last day on a swapped working Saturday', () => {
    expect(calendar.addCalendarDays('2026-01-05', 5)).toBe('2026-01-10');
  });

  it('n = 0 is the event day itself', () => {
    expect(calendar.addCalendarDays('2026-11-07', 0)).toBe('2026-11-07');
  });
});

describe('workingDaysBetween and nextWorkingDay', () => {
  it('counts the working days after `from` up to and including `to`, the inverse of addWorkingDays', () => {
    expect(calendar.workingDaysBetween('2026-11-02', '2026-11-09')).toBe(5);
    expect(calendar.workingDaysBetween('2026-02-11', '2026-02-25')).toBe(5);
    expect(calendar.workingDaysBetween('2026-11-02', '2026-11-02')).toBe(0);
    expect(calendar.workingDaysBetween('2026-11-09', '2026-11-02')).toBe(-5);
    for (const start of ['2024-02-07', '2025-04-25', '2025-12-31', '2026-08-20', '2027-02-01']) {
      for (const n of [1, 5, 7, 15, 25]) expect(calendar.workingDaysBetween(start, calendar.addWorkingDays(start, n))).toBe(n);
    }
  });

  it('counts a whole year: 2026 has 365 days, 104 weekend days, 13 weekdays off and 2 Saturdays worked', () => {
    expect(calendar.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(365 - 104 - 13 + 2);
  });

  it('nextWorkingDay is strictly after the day', () => {
    expect(calendar.nextWorkingDay('2026-11-09')).toBe('2026-11-10');
    expect(calendar.nextWorkingDay('2026-02-13')).toBe('2026-02-23');
    expect(calendar.nextWorkingDay('2026-01-09')).toBe('2026-01-10');
  });
});

describe('holidaysIn', () => {
  it('lists the weekdays off and the Saturdays worked of 2026, with names, in order', () => {
    const days = calendar.holidaysIn(2026);
    expect(days.map((d) => d.day)).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-01-10',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-08-22',
      '2026-08-31',
      '2026-09-01',
      '2026-09-02',
    ]);
    expect(days.find((d) => d.day === '2026-02-17')).toEqual({
      day: '2026-02-17',
      kind: 'HOLIDAY',
      name: 'Tết Nguyên đán (mùng 1 tháng Giêng)',
      source: 'BUILT_IN',
      provisional: false,
      sourceDocument: 'Thông báo 9441/TB-BNV ngày 16/10/2025 (Tết Nguyên đán)',
      confirmed: true,
    });
    expect(days.find((d) => d.day === '2026-01-10')).toMatchObject({
      kind: 'WORKDAY',
      name: 'Làm bù cho ngày nghỉ hoán đổi thứ Sáu 02/01/2026',
    });
  });

  it('leaves out a holiday that fell on a weekend (its compensatory day is listed instead)', () => {
    expect(calendar.holidaysIn(2026).some((d) => d.day === '2026-04-26')).toBe(false);
    expect(calendar.specialDay('2026-04-26')).toMatchObject({ kind: 'HOLIDAY', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' });
  });

  it('flags every day whose source is not confirmed: Quốc khánh 2026 (day next to 2/9, swap), Tết 2027; the Labour Code days are confirmed', () => {
    const unconfirmed = (year: number) =>
      calendar
        .holidaysIn(year)
        .filter((d) => !d.confirmed)
        .map((d) => d.day);
    expect(unconfirmed(2026)).toEqual(['2026-08-22', '2026-08-31', '2026-09-01']);
    expect(unconfirmed(2027)).toEqual(['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-09-03']);
    // Art. 112.1 fixes 2/9 and 1/1 by date, even in a year without a notice; Art. 111.3 the nghỉ bù of 1/5/2027.
    expect(calendar.specialDay('2026-09-02')).toMatchObject({ confirmed: true, sourceDocument: expect.stringContaining('Điều 112') });
    expect(calendar.specialDay('2027-05-03')).toMatchObject({ confirmed: true, sourceDocument: expect.stringContaining('Điều 111') });
    // An administrator's confirmation settles a day.
    const confirmed = new WorkingCalendar([], undefined, ['2026-09-01']);
    expect(confirmed.specialDay('2026-09-01')).toMatchObject({ confirmed: true });
  });

  it('marks 2027 as provisional and knows nothing of 2028', () => {
    expect(calendar.holidaysIn(2027).every((d) => d.provisional)).toBe(true);
    expect(calendar.holidaysIn(2027).map((d) => d.day)).toContain('2027-02-10');
    expect(calendar.holidaysIn(2028)).toEqual([]);
  });
});

describe('overrides', () => {
  it("an administrator's holiday shifts a due date", () => {
    // Ngày Văn hóa Việt Nam, once the Labour Code is amended: Tuesday 24/11/2026.
    expect(calendar.addWorkingDays('2026-11-16', 7)).toBe('2026-11-25');
    const cal = withOverrides({ day: '2026-11-24', kind: 'HOLIDAY', name: 'Ngày Văn hóa Việt Nam' });
    expect(cal.addWorkingDays('2026-11-16', 7)).toBe('2026-11-26');
    expect(cal.holidaysIn(2026).find((d) => d.day === '2026-11-24')).toEqual({
      day: '2026-11-24',
      kind: 'HOLIDAY',
      name: 'Ngày Văn hóa Việt Nam',
      source: 'OVERRIDE',
      provisional: false,
      sourceDocument: null,
      confirmed: true,
    });
  });

  it('NORMAL cancels a built-in holiday: the day is worked again and leaves the list', () => {
    const cal = withOverrides({ day: '2026-04-27', kind: 'NORMAL', name: 'Hủy nghỉ bù' });
    expect(cal.isWorkingDay('2026-04-27')).toBe(true);
    expect(cal.addWorkingDays('2026-04-24', 1)).toBe('2026-04-27');
    expect(calendar.addWorkingDays('2026-04-24', 1)).toBe('2026-04-28');
    expect(cal.holidaysIn(2026).some((d) => d.day === '2026-04-27')).toBe(false);
  });

  it('NORMAL cancels a built-in working Saturday', () => {
    const cal = withOverrides({ day: '2026-01-10', kind: 'NORMAL', name: 'Không làm bù' });
    expect(cal.isWorkingDay('2026-01-10')).toBe(false);
    expect(cal.addWorkingDays('2026-01-08', 3)).toBe('2026-01-13');
  });

  it('a new swap: a weekday off and a Saturday worked', () => {
    const cal = withOverrides(
      { day: '2026-11-23', kind: 'HOLIDAY', name: 'Nghỉ hoán đổi' },
      { day: '2026-11-28', kind: 'WORKDAY', name: 'Làm bù' },
    );
    expect(cal.addWorkingDays('2026-11-20', 1)).toBe('2026-11-24');
    expect(cal.addWorkingDays('2026-11-27', 1)).toBe('2026-11-28');
    expect(cal.workingDaysBetween('2026-11-01', '2026-11-30')).toBe(calendar.workingDaysBetween('2026-11-01', '2026-11-30'));
  });

  it('a WORKDAY override opens a built-in holiday and renames nothing else', () => {
    const cal = withOverrides({ day: '2026-02-20', kind: 'WORKDAY', name: 'Làm việc mùng 4' });
    expect(cal.isWorkingDay('2026-02-20')).toBe(true);
    expect(cal.isWorkingDay('2026-02-19')).toBe(false);
  });

  it('tells which overrides would change nothing', () => {
    expect(overrideWithoutEffect('2026-11-24', 'HOLIDAY')).toBeUndefined();
    expect(overrideWithoutEffect('2026-02-17', 'HOLIDAY')).toBeUndefined();
    expect(overrideWithoutEffect('2026-11-28', 'HOLIDAY')).toBe('Thứ Bảy, Chủ nhật đã là ngày nghỉ hằng tuần.');
    expect(overrideWithoutEffect('2026-01-10', 'HOLIDAY')).toBeUndefined();
    expect(overrideWithoutEffect('2026-11-24', 'WORKDAY')).toBe('Ngày này đã là ngày làm việc.');
    expect(overrideWithoutEffect('2026-02-17', 'WORKDAY')).toBeUndefined();
    expect(overrideWithoutEffect('2026-11-28', 'WORKDAY')).toBeUndefined();
    expect(overrideWithoutEffect('2026-11-24', 'NORMAL')).toBe(
      'Ngày này không có trong lịch nghỉ lễ, làm bù có sẵn nên không có gì để hủy.',
    );
    expect(overrideWithoutEffect('2026-04-27', 'NORMAL')).toBeUndefined();
  });
});

describe('dates without time-zone drift', () => {
  const original = process.env.TZ;
  afterEach(() => (process.env.TZ = original));

  it.each(['Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Ho_Chi_Minh'])('gives the same answers with TZ=%s', (tz) => {
    process.env.TZ = tz;
    expect(weekdayLabel('2026-02-17')).toBe('Thứ Ba');
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(calendar.addWorkingDays('2026-02-11', 5)).toBe('2026-02-25');
  });
});

describe('the built-in data', () => {
  const byDay = new Map(VIETNAM_CALENDAR.map((d) => [d.day, d]));
  const yearOf = (day: string) => Number(day.slice(0, 4));
  const weekdaysOff = (year: number) => VIETNAM_CALENDAR.filter((d) => yearOf(d.day) === year && d.kind === 'HOLIDAY' && !isWeekend(d.day));

  it('has no duplicate day, is in date order, with real dates and NFC names', () => {
    expect(byDay.size).toBe(VIETNAM_CALENDAR.length);
    expect(VIETNAM_CALENDAR.map((d) => d.day)).toEqual([...VIETNAM_CALENDAR.map((d) => d.day)].sort());
    for (const d of VIETNAM_CALENDAR) {
      expect(addDays(d.day, 0)).toBe(d.day);
      expect(d.name.trim().length).toBeGreaterThan(0);
      expect(d.name).toBe(d.name.normalize('NFC'));
    }
  });

  it('covers 2024, 2025, 2026 and 2027, and nothing else', () => {
    expect([...new Set(VIETNAM_CALENDAR.map((d) => yearOf(d.day)))]).toEqual([...BUILT_IN_YEARS]);
  });

  it('puts no holiday on a weekend unless it names the weekday given instead, each used once', () => {
    const targets: string[] = [];
    for (const d of VIETNAM_CALENDAR.filter((x) => x.kind === 'HOLIDAY' && isWeekend(x.day))) {
      expect({ day: d.day, compensatedBy: d.compensatedBy }).toEqual({ day: d.day, compensatedBy: expect.any(String) });
      const target = byDay.get(d.compensatedBy!);
      expect({ day: d.day, target: target?.kind, weekend: isWeekend(d.compensatedBy!), swap: target?.swappedWith }).toEqual({
        day: d.day,
        target: 'HOLIDAY',
        weekend: false,
        swap: undefined,
      });
      expect(Math.abs(Date.parse(d.compensatedBy!) - Date.parse(d.day))).toBeLessThanOrEqual(7 * 86_400_000);
      targets.push(d.compensatedBy!);
    }
    expect(new Set(targets).size).toBe(targets.length);
    for (const d of VIETNAM_CALENDAR.filter((x) => x.compensatedBy)) expect(isWeekend(d.day)).toBe(true);
  });

  it('pairs every Saturday worked with a weekday off, both ways', () => {
    for (const d of VIETNAM_CALENDAR.filter((x) => x.kind === 'WORKDAY')) {
      expect(weekdayLabel(d.day)).toBe('Thứ Bảy');
      const off = byDay.get(d.swappedWith!);
      expect({ day: d.day, kind: off?.kind, back: off?.swappedWith, weekend: isWeekend(d.swappedWith!) }).toEqual({
        day: d.day,
        kind: 'HOLIDAY',
        back: d.day,
        weekend: false,
      });
    }
    for (const d of VIETNAM_CALENDAR.filter((x) => x.kind === 'HOLIDAY' && x.swappedWith))
      expect(byDay.get(d.swappedWith!)?.kind).toBe('WORKDAY');
  });

  it.each([...BUILT_IN_YEARS])('%i: gives exactly the 11 days of Labour Code Art. 112 on weekdays, swaps apart', (year) => {
    expect(weekdaysOff(year).filter((d) => !d.swappedWith)).toHaveLength(11);
    expect(weekdaysOff(year).filter((d) => d.name.startsWith('Tết Nguyên đán'))).toHaveLength(5);
  });

  it.each([...BUILT_IN_YEARS])('%i: has 1/1, 30/4, 1/5 and 2/9 with one day next to 2/9', (year) => {
    for (const md of ['01-01', '04-30', '05-01', '09-02']) expect(byDay.get(`${year}-${md}`)?.kind).toBe('HOLIDAY');
    const adjacent = [`${year}-09-01`, `${year}-09-03`].filter((day) => byDay.get(day)?.name.startsWith('Quốc khánh'));
    expect(adjacent).toHaveLength(1);
  });

  it('has Giỗ Tổ Hùng Vương on 10/3 of the lunar calendar each year', () => {
    const gioTo = VIETNAM_CALENDAR.filter((d) => d.name.startsWith('Giỗ Tổ')).map((d) => d.day);
    expect(gioTo).toEqual(['2024-04-18', '2025-04-07', '2026-04-26', '2027-04-16']);
  });

  it('marks every 2027 day provisional (no official notice yet) and no earlier one', () => {
    for (const d of VIETNAM_CALENDAR)
      expect({ day: d.day, provisional: d.provisional === true }).toEqual({ day: d.day, provisional: yearOf(d.day) === 2027 });
  });
});
