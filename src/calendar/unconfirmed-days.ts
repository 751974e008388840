/**
 * The warning a clock carries when it runs over a calendar day whose source is not confirmed (docs/legal/statutory-clocks.md).
 * Pure: the calendar is passed in.
 */
import { SpecialDay, WorkingCalendar } from './working-days';

export interface UnconfirmedDay {
  day: string;
  name: string;
}

/** The unconfirmed days between a receipt and the latest of its due dates (none when nothing is running). */
export function unconfirmedDaysOfClock(calendar: WorkingCalendar, from: string | null, dues: readonly (string | null)[]): UnconfirmedDay[] {
  const last = dues
    .filter((d): d is string => !!d)
    .sort()
    .pop();
  if (!from || !last || last <= from) return [];
  return calendar.unconfirmedBetween(from, last).map((d: SpecialDay) => ({ day: d.day, name: d.name }));
}

/** "Thời hạn tính qua ngày … chưa được xác nhận nguồn …", or null. */
export function unconfirmedDaysWarning(days: readonly UnconfirmedDay[]): string | null {
  if (!days.length) return null;
  const list = days.map((d) => `${d.day.split('-').reverse().join('/')} (${d.name})`).join('; ');
  return (
    `Thời hạn được tính qua ngày nghỉ lễ, làm bù chưa được xác nhận theo văn bản chính thức: ${list}. ` +
    'Hạn có thể thay đổi khi quản trị viên đối chiếu lịch với thông báo của cơ quan có thẩm quyền.'
  );
}
