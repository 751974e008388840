import { WorkingCalendar } from '../calendar/working-days';
import { unconfirmedDaysOfClock, unconfirmedDaysWarning } from '../calendar/unconfirmed-days';
import {
  appraisalDeadline,
  approvalDeadline,
  approvalDossierReceivedOn,
  DeadlineCalendar,
  mayReturnForSupplement,
  returnWindowClosedMessage,
  validityDeadline,
} from './statutory-deadlines';

/** A calendar stub that records what was asked: these specs check which limit applies, the calendar module checks the counting. */
const stub: DeadlineCalendar = {
  addWorkingDays: (start, days) => `${start}+${days}wd`,
  addCalendarDays: (start, days) => `${start}+${days}d`,
};

/**
 * The real calendar. Tết Đinh Mùi 2027 (built in, provisional): Friday 05/02 to Thursday 11/02 off, so Thursday 04/02 is
 * followed by Friday 12/02. Quốc khánh 2026: Saturday 22/08 worked for Monday 31/08, 01–02/09 off. Tết Dương lịch
 * 2026: Saturday 10/01 worked for Friday 02/01.
 */
const calendar = new WorkingCalendar();

describe('statutory deadlines: which limit applies', () => {
  it('validity reply: 5 working days from receipt, statutory under ND331 Art. 23.2, an internal target under ND85', () => {
    expect(validityDeadline('ND331', '2026-11-02', stub)).toMatchObject({ kind: 'VALIDITY', due: '2026-11-02+5wd', statutory: true });
    expect(validityDeadline('ND331', '2026-11-02', stub).basis).toContain('khoản 2 Điều 23 Nghị định 331/2026/NĐ-CP');
    const nd85 = validityDeadline('ND85', '2026-11-02', stub);
    expect(nd85).toMatchObject({ kind: 'VALIDITY', due: '2026-11-02+5wd', statutory: false });
    // Circular 12/2022 (Art. 17.1) replaced Circular 03/2017: no article sets this limit, so none is cited.
    expect(nd85.basis).not.toMatch(/Điều|Thông tư|Nghị định/);
    expect(nd85.basis).toContain('Mục tiêu nội bộ');
  });

  it.each([
    ['ND331', 3, '2026-11-02+15wd', 'APPRAISAL'],
    ['ND331', 4, '2026-11-02+25wd', 'APPRAISAL'],
    ['ND331', 5, '2026-11-02+25wd', 'APPRAISAL'],
    ['ND85', 3, '2026-11-02+15d', 'APPRAISAL'],
    ['ND85', 4, '2026-11-02+30d', 'APPRAISAL'],
    ['ND85', 5, '2026-11-02+30d', 'APPRAISAL'],
    ['ND331', 1, '2026-11-02+5wd', 'APPRAISAL_INTERNAL'],
    ['ND85', 2, '2026-11-02+5wd', 'APPRAISAL_INTERNAL'],
  ] as const)('appraisal under %s at level %i is due %s (ND331 Art. 23.3; ND85 Art. 16.2)', (regime, level, due, kind) => {
    expect(appraisalDeadline(regime, level, '2026-11-02', stub)).toMatchObject({ kind, due });
  });

  it('approval: 7 working days in both regimes, citing the right article (ND85 Art. 17.2; ND331 Art. 24.2)', () => {
    expect(approvalDeadline('ND85', '2026-03-02', stub)).toMatchObject({
      due: '2026-03-02+7wd',
      basis: expect.stringContaining('Điều 17 Nghị định 85'),
    });
    expect(approvalDeadline('ND331', '2026-11-02', stub)).toMatchObject({
      due: '2026-11-02+7wd',
      basis: expect.stringContaining('khoản 2 Điều 24 Nghị định 331'),
    });
  });

  it('ND331 Art. 24.1: the approval dossier of levels 1–2 is the dossier itself (received at submission); from level 3 the Tờ trình', () => {
    expect(approvalDossierReceivedOn(1, '2027-02-01', '2027-02-10')).toBe('2027-02-01');
    expect(approvalDossierReceivedOn(2, '2027-02-01', '2027-02-10')).toBe('2027-02-01');
    expect(approvalDossierReceivedOn(3, '2027-02-01', '2027-02-10')).toBe('2027-02-10');
    expect(approvalDossierReceivedOn(2, null, '2027-02-10')).toBe('2027-02-10');
  });
});

describe('statutory clocks counted on the Vietnamese calendar (fixed dates around Tết 2027 and swapped Saturdays)', () => {
  it('ND331 Art. 23.2: a dossier received Monday 01/02/2027 gets its validity reply by Monday 15/02, after Tết', () => {
    // 02, 03, 04/02, then Tết 05–11/02, then 12/02 and 15/02.
    expect(validityDeadline('ND331', '2027-02-01', calendar).due).toBe('2027-02-15');
    expect(validityDeadline('ND85', '2027-02-01', calendar)).toMatchObject({ due: '2027-02-15', statutory: false });
  });

  it('ND331 Art. 23.3.a–b: appraisal from the same receipt — level 3 by 01/03/2027, levels 4–5 by 15/03/2027', () => {
    expect(appraisalDeadline('ND331', 3, '2027-02-01', calendar).due).toBe('2027-03-01');
    expect(appraisalDeadline('ND331', 4, '2027-02-01', calendar).due).toBe('2027-03-15');
  });

  it('ND85 Art. 16.2 counts days ("ngày"): 15 and 30 days from 01/02/2027; a last day in Tết moves to the first working day', () => {
    expect(appraisalDeadline('ND85', 3, '2027-02-01', calendar).due).toBe('2027-02-16');
    expect(appraisalDeadline('ND85', 4, '2027-02-01', calendar).due).toBe('2027-03-03');
    // Received Friday 22/01/2027: 15 days end on Saturday 06/02 (mùng 1 Tết) → Friday 12/02 (Civil Code Art. 148.5).
    expect(appraisalDeadline('ND85', 3, '2027-01-22', calendar).due).toBe('2027-02-12');
  });

  it('ND331 Art. 24.2: approval 7 working days from a Tờ trình received Wednesday 03/02/2027 → Friday 19/02', () => {
    expect(approvalDeadline('ND331', '2027-02-03', calendar).due).toBe('2027-02-19');
    expect(approvalDeadline('ND85', '2027-02-03', calendar).due).toBe('2027-02-19');
  });

  it('a swapped Saturday is a working day: Saturday 22/08/2026 and Saturday 10/01/2026 count', () => {
    // Thursday 20/08/2026: 21, Saturday 22, 24, 25, 26.
    expect(validityDeadline('ND331', '2026-08-20', calendar).due).toBe('2026-08-26');
    // Level 3 from 20/08/2026: Monday 31/08 (swapped off) and 01–02/09 (Quốc khánh) skipped → Monday 14/09.
    expect(appraisalDeadline('ND331', 3, '2026-08-20', calendar).due).toBe('2026-09-14');
    // Wednesday 07/01/2026: 08, 09, Saturday 10 (worked for Friday 02/01), 12, 13.
    expect(validityDeadline('ND331', '2026-01-07', calendar).due).toBe('2026-01-13');
  });
});

describe('return for supplement within the validity window (ND331 Art. 23.2)', () => {
  it('is allowed up to and including the last day of the window, refused the day after', () => {
    const due = validityDeadline('ND331', '2027-02-01', calendar).due;
    expect(mayReturnForSupplement(due, '2027-02-15')).toBe(true);
    expect(mayReturnForSupplement(due, '2027-02-16')).toBe(false);
    expect(mayReturnForSupplement(null, '2027-12-31')).toBe(true);
  });

  it('says why, with the date, the article (ND331) or the internal target (ND85), and what to do instead (Mẫu 04)', () => {
    expect(returnWindowClosedMessage('ND331', '2027-02-15')).toContain('15/02/2027');
    expect(returnWindowClosedMessage('ND331', '2027-02-15')).toContain('khoản 2 Điều 23 Nghị định 331/2026/NĐ-CP');
    expect(returnWindowClosedMessage('ND85', '2027-02-15')).not.toContain('Điều 23');
    expect(returnWindowClosedMessage('ND85', '2027-02-15')).toContain('"chưa phù hợp" (Mẫu 04)');
  });
});

describe('a clock over a day whose source is not confirmed carries a warning', () => {
  it('Quốc khánh 2026: the swapped Saturday 22/08, Monday 31/08 and 01/09 are flagged; 02/09 (Labour Code Art. 112.1) is not', () => {
    const days = unconfirmedDaysOfClock(calendar, '2026-08-20', ['2026-08-26', '2026-09-14']);
    expect(days.map((d) => d.day)).toEqual(['2026-08-22', '2026-08-31', '2026-09-01']);
    expect(unconfirmedDaysWarning(days)).toContain('22/08/2026');
  });

  it('Tết 2027 (no notice yet): the weekdays off are flagged, the weekend ones change nothing and are not', () => {
    const days = unconfirmedDaysOfClock(calendar, '2027-02-01', ['2027-02-15']);
    expect(days.map((d) => d.day)).toEqual(['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11']);
  });

  it('days an administrator confirmed, and days with a named notice (Tết Dương lịch 2026), carry no warning', () => {
    const confirmed = new WorkingCalendar([], undefined, ['2026-08-22', '2026-08-31', '2026-09-01']);
    expect(unconfirmedDaysOfClock(confirmed, '2026-08-20', ['2026-09-14'])).toEqual([]);
    expect(unconfirmedDaysOfClock(calendar, '2026-01-07', ['2026-01-13'])).toEqual([]);
    expect(unconfirmedDaysWarning([])).toBeNull();
    expect(unconfirmedDaysOfClock(calendar, null, ['2026-09-14'])).toEqual([]);
  });
});
