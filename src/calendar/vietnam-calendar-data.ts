/**
 * The built-in Vietnamese public-sector calendar, as data: every day that is not what its weekday says
 * (a weekday off, a Saturday worked), plus statutory holidays that fell on a weekend with the weekday given instead.
 *
 * Law: Labour Code 2019 (Bộ luật Lao động 45/2019/QH14)
 *  - Art. 112.1: 11 paid holidays a year — Tết Dương lịch 1 (1/1), Tết Âm lịch 5, Ngày Chiến thắng 1 (30/4),
 *    Quốc tế Lao động 1 (1/5), Quốc khánh 2 (2/9 and one adjacent day, before or after), Giỗ Tổ Hùng Vương 1 (10/3 âm lịch).
 *    Art. 112.3: the Prime Minister fixes each year which days Tết and the second Quốc khánh day are.
 *    No amendment has changed this list so far: the 2/9 adjacent day dates from the 2019 Code (in force 2021), and
 *    Ngày Văn hóa Việt Nam (24/11, Resolution 80-NQ/TW of January 2026, NQ 30/NQ-CP) is only a planned amendment of
 *    Art. 112.1 — once the National Assembly passes it, an administrator adds it as an override until this file does.
 *  - Art. 111.3: a holiday falling on the weekly rest day is given back on the next working day (nghỉ bù).
 *  - Swaps (hoán đổi): the Government may move a working day next to a holiday and have a Saturday worked instead.
 *
 * Each year's days follow the notice for cán bộ, công chức, viên chức named in the comment above it. Entries marked
 * `provisional` have no official notice yet ("chưa có thông báo chính thức — theo Bộ luật Lao động"): they are computed
 * from the Labour Code and the lunar calendar (UTC+7) and an administrator should check them when the notice comes out.
 *
 * Saturdays and Sundays are rest days unless listed as WORKDAY; other weekdays are working days unless listed as HOLIDAY.
 */
export type BuiltInDayKind = 'HOLIDAY' | 'WORKDAY';

export interface BuiltInDay {
  day: string;
  kind: BuiltInDayKind;
  name: string;
  /** A statutory holiday on a Saturday or Sunday: the weekday given off in its place (Art. 111.3 or the notice). */
  compensatedBy?: string;
  /** One half of a swap: on the weekday off, the Saturday worked; on the Saturday worked, the weekday off. */
  swappedWith?: string;
  /** No official notice yet: computed from the Labour Code; an administrator should check it. */
  provisional?: true;
  /**
   * The document that fixes this day: the Labour Code for the fixed-date holidays and their nghỉ bù, else the
   * Government's notice. Absent: the source is not confirmed, and an administrator confirms the day (calendar page);
   * until then a clock that crosses it carries a warning (docs/legal/statutory-clocks.md).
   */
  source?: string;
}

const LAW = 'Bộ luật Lao động 2019, khoản 1 Điều 112';
const COMP = 'Bộ luật Lao động 2019, khoản 3 Điều 111 (nghỉ bù)';
const VPCP2450 = 'Công văn 2450/VPCP-KGVX ngày 12/04/2024';
const VPCP12729 = 'Công văn 12729/VPCP-KGVX ngày 25/12/2025';
const BNV9441 = 'Thông báo 9441/TB-BNV ngày 16/10/2025 (Tết Nguyên đán)';

/** Years this file covers; outside them only weekends and administrators' overrides apply. */
export const BUILT_IN_YEARS = [2024, 2025, 2026, 2027] as const;

export const VIETNAM_CALENDAR: readonly BuiltInDay[] = [
  // ── 2024 ─────────────────────────────────────────────────────────────────────────────────────────────────────────
  // Tết Dương lịch: Monday, one day. Tết Giáp Thìn (mùng 1 = Saturday 10/02): the notice of the Ministry of Labour
  // (Bộ LĐTBXH) gave 08/02–14/02 (29 tháng Chạp – mùng 5), the two Tết days on the weekend moved to 29 Chạp and mùng 5.
  { day: '2024-01-01', kind: 'HOLIDAY', name: 'Tết Dương lịch', source: LAW },
  { day: '2024-02-08', kind: 'HOLIDAY', name: 'Tết Nguyên đán (29 tháng Chạp, nghỉ bù)' },
  { day: '2024-02-09', kind: 'HOLIDAY', name: 'Tết Nguyên đán (30 tháng Chạp)' },
  { day: '2024-02-10', kind: 'HOLIDAY', name: 'Tết Nguyên đán (mùng 1 tháng Giêng)', compensatedBy: '2024-02-08' },
  { day: '2024-02-11', kind: 'HOLIDAY', name: 'Tết Nguyên đán (mùng 2 tháng Giêng)', compensatedBy: '2024-02-14' },
  { day: '2024-02-12', kind: 'HOLIDAY', name: 'Tết Nguyên đán (mùng 3 tháng Giêng)' },
  { day: '2024-02-13', kind: 'HOLIDAY', name: 'Tết Nguyên đán (mùng 4 tháng Giêng)' },
  { day: '2024-02-14', kind: 'HOLIDAY', name: 'Tết Nguyên đán (mùng 5 tháng Giêng, nghỉ bù)' },
  { day: '2024-04-18', kind: 'HOLIDAY', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', source: LAW },
  // 30/4–1/5: Công văn 2450/VPCP-KGVX of 12/04/2024 — Monday 29/04 off, worked back on Saturday 04/05.
  {
    day: '2024-04-29',
    kind: 'HOLIDAY',
    name: 'Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 04/05/2024)',
    swappedWith: '2024-05-04',
    source: VPCP2450,
  },
  { day: '2024-04-30', kind: 'HOLIDAY', name: 'Ngày Chiến thắng (30/4)', source: LAW },
  { day: '2024-05-01', kind: 'HOLIDAY', name: 'Ngày Quốc tế Lao động (1/5)', source: LAW },
  {
    day: '2024-05-04',
    kind: 'WORKDAY',
    name: 'Làm bù cho ngày nghỉ hoán đổi thứ Hai 29/04/2024',
    swappedWith: '2024-04-29',
    source: VPCP2450,
  },
  // Quốc khánh: Saturday 31/08 – Tuesday 03/09 (the adjacent day after 2/9).
  { day: '2024-09-02', kind: 'HOLIDAY', name: 'Quốc khánh (2/9)', source: LAW },
  { day: '2024-09-03', kind: 'HOLIDAY', name: 'Quốc khánh (ngày liền sau 2/9)' },

  // ── 2025 ─────────────────────────────────────────────────────────────────────────────────────────────────────────
  // Tết Ất Tỵ (mùng 1 = Wednesday 29/01): Saturday 25/01 – Sunday 02/02, the five days 28 tháng Chạp – mùng 3.
  { day: '2025-01-01', kind: 'HOLIDAY', name: 'Tết Dương lịch', source: LAW },
  { day: '2025-01-27', kind: 'HOLIDAY', name: 'Tết Nguyên đán (28 tháng Chạp)' },
  { day: '2025-01-28', kind: 'HOLIDAY', name: 'Tết Nguyên đán (29 tháng Chạp)' },
  { day: '2025-01-29', kind: 'HOLIDAY', name: 'Tết Nguyên đán (mùng 1 tháng Giêng)' },
  { day: '2025-01-30', kind: 'HOLIDAY', name: 'Tết Nguyên đán (mùng 2 tháng Giêng)' },
  { day: '2025-01-31', kind: 'HOLIDAY', name: 'Tết Nguyên đán (mùng 3 tháng Giêng)' },
  { day: '2025-04-07', kind: 'HOLIDAY', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', source: LAW },
  // 30/4–1/5: Friday 02/05 off, worked back on Saturday 26/04 (30/4 – 4/5, five days).
  { day: '2025-04-26', kind: 'WORKDAY', name: 'Làm bù cho ngày nghỉ hoán đổi thứ Sáu 02/05/2025', swappedWith: '2025-05-02' },
  { day: '2025-04-30', kind: 'HOLIDAY', name: 'Ngày Chiến thắng (30/4)', source: LAW },
  { day: '2025-05-01', kind: 'HOLIDAY', name: 'Ngày Quốc tế Lao động (1/5)', source: LAW },
  { day: '2025-05-02', kind: 'HOLIDAY', name: 'Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 26/04/2025)', swappedWith: '2025-04-26' },
  // Quốc khánh: Saturday 30/08 – Tuesday 02/09 (the adjacent day before 2/9).
  { day: '2025-09-01', kind: 'HOLIDAY', name: 'Quốc khánh (ngày liền trước 2/9)' },
  { day: '2025-09-02', kind: 'HOLIDAY', name: 'Quốc khánh (2/9)', source: LAW },

  // ── 2026 ─────────────────────────────────────────────────────────────────────────────────────────────────────────
  // Tết Dương lịch: Công văn 12729/VPCP-KGVX of 25/12/2025 — Friday 02/01 off, worked back on Saturday 10/01.
  { day: '2026-01-01', kind: 'HOLIDAY', name: 'Tết Dương lịch', source: LAW },
  {
    day: '2026-01-02',
    kind: 'HOLIDAY',
    name: 'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)',
    swappedWith: '2026-01-10',
    source: VPCP12729,
  },
  {
    day: '2026-01-10',
    kind: 'WORKDAY',
    name: 'Làm bù cho ngày nghỉ hoán đổi thứ Sáu 02/01/2026',
    swappedWith: '2026-01-02',
    source: VPCP12729,
  },
  // Tết Bính Ngọ (mùng 1 = Tuesday 17/02): Thông báo 9441/TB-BNV of 16/10/2025 — 16/02–20/02 (29 tháng Chạp – mùng 4),
  // nine days off with the weekends, 14/02–22/02.
  { day: '2026-02-16', kind: 'HOLIDAY', name: 'Tết Nguyên đán (29 tháng Chạp)', source: BNV9441 },
  { day: '2026-02-17', kind: 'HOLIDAY', name: 'Tết Nguyên đán (mùng 1 tháng Giêng)', source: BNV9441 },
  { day: '2026-02-18', kind: 'HOLIDAY', name: 'Tết Nguyên đán (mùng 2 tháng Giêng)', source: BNV9441 },
  { day: '2026-02-19', kind: 'HOLIDAY', name: 'Tết Nguyên đán (mùng 3 tháng Giêng)', source: BNV9441 },
  { day: '2026-02-20', kind: 'HOLIDAY', name: 'Tết Nguyên đán (mùng 4 tháng Giêng)', source: BNV9441 },
  // Giỗ Tổ falls on Sunday 26/04: given back on Monday 27/04 (Art. 111.3).
  { day: '2026-04-26', kind: 'HOLIDAY', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', compensatedBy: '2026-04-27', source: LAW },
  { day: '2026-04-27', kind: 'HOLIDAY', name: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch trùng Chủ nhật 26/04/2026)', source: COMP },
  { day: '2026-04-30', kind: 'HOLIDAY', name: 'Ngày Chiến thắng (30/4)', source: LAW },
  { day: '2026-05-01', kind: 'HOLIDAY', name: 'Ngày Quốc tế Lao động (1/5)', source: LAW },
  // Quốc khánh: 01/09 and 02/09, Monday 31/08 off, worked back on Saturday 22/08 — attributed to Thông báo 9441/TB-BNV,
  // whose Quốc khánh part could not be checked: the adjacent day and the swap are unconfirmed until an administrator
  // confirms them with the notice (2/9 itself is fixed by the Labour Code).
  { day: '2026-08-22', kind: 'WORKDAY', name: 'Làm bù cho ngày nghỉ hoán đổi thứ Hai 31/08/2026', swappedWith: '2026-08-31' },
  { day: '2026-08-31', kind: 'HOLIDAY', name: 'Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/08/2026)', swappedWith: '2026-08-22' },
  { day: '2026-09-01', kind: 'HOLIDAY', name: 'Quốc khánh (ngày liền trước 2/9)' },
  { day: '2026-09-02', kind: 'HOLIDAY', name: 'Quốc khánh (2/9)', source: LAW },

  // ── 2027: chưa có thông báo chính thức — theo Bộ luật Lao động ──────────────────────────────────────────────────
  // Computed: Tết Đinh Mùi mùng 1 = Saturday 06/02/2027 (29 tháng Chạp = Friday 05/02, the last day of Bính Ngọ);
  // Giỗ Tổ 10/3 âm lịch = Friday 16/04/2027. Tết = 1 day before + 4 after (the layout of 2026), the two on the weekend
  // given back on the next working days (Art. 111.3); the 2/9 adjacent day is Friday 03/09 (as in 2021, when 2/9 was
  // also a Thursday); 1/5 on a Saturday is given back on Monday 03/05. Any swap the Government decides is not here.
  { day: '2027-01-01', kind: 'HOLIDAY', name: 'Tết Dương lịch', provisional: true, source: LAW },
  { day: '2027-02-05', kind: 'HOLIDAY', name: 'Tết Nguyên đán (29 tháng Chạp)', provisional: true },
  { day: '2027-02-06', kind: 'HOLIDAY', name: 'Tết Nguyên đán (mùng 1 tháng Giêng)', compensatedBy: '2027-02-10', provisional: true },
  { day: '2027-02-07', kind: 'HOLIDAY', name: 'Tết Nguyên đán (mùng 2 tháng Giêng)', compensatedBy: '2027-02-11', provisional: true },
  { day: '2027-02-08', kind: 'HOLIDAY', name: 'Tết Nguyên đán (mùng 3 tháng Giêng)', provisional: true },
  { day: '2027-02-09', kind: 'HOLIDAY', name: 'Tết Nguyên đán (mùng 4 tháng Giêng)', provisional: true },
  { day: '2027-02-10', kind: 'HOLIDAY', name: 'Tết Nguyên đán (mùng 5 tháng Giêng, nghỉ bù)', provisional: true },
  { day: '2027-02-11', kind: 'HOLIDAY', name: 'Tết Nguyên đán (mùng 6 tháng Giêng, nghỉ bù)', provisional: true },
  { day: '2027-04-16', kind: 'HOLIDAY', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', provisional: true, source: LAW },
  { day: '2027-04-30', kind: 'HOLIDAY', name: 'Ngày Chiến thắng (30/4)', provisional: true, source: LAW },
  { day: '2027-05-01', kind: 'HOLIDAY', name: 'Ngày Quốc tế Lao động (1/5)', compensatedBy: '2027-05-03', provisional: true, source: LAW },
  { day: '2027-05-03', kind: 'HOLIDAY', name: 'Nghỉ bù Ngày Quốc tế Lao động (1/5 trùng thứ Bảy)', provisional: true, source: COMP },
  { day: '2027-09-02', kind: 'HOLIDAY', name: 'Quốc khánh (2/9)', provisional: true, source: LAW },
  { day: '2027-09-03', kind: 'HOLIDAY', name: 'Quốc khánh (ngày liền sau 2/9)', provisional: true },
];
