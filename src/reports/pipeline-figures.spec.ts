import { calendarDaysBetween, countByMau08Status, countByState, groupOverdue, median, OverdueRow } from './pipeline-figures';

describe('median', () => {
  it('takes the middle of an odd count, whatever the order', () => expect(median([30, 10, 20])).toBe(20));
  it('averages the two middle values of an even count', () => expect(median([21, 25, 29, 40])).toBe(27));
  it('is null with nothing approved', () => expect(median([])).toBeNull());
  it('is the value itself for one', () => expect(median([7])).toBe(7));
  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('calendar days', () => {
  it.each([
    ['2025-08-04', '2025-08-28', 24],
    ['2025-12-20', '2026-01-06', 17],
    ['2028-02-28', '2028-03-01', 2],
    ['2026-01-06', '2026-01-06', 0],
  ])('%s → %s is %i days', (from, to, days) => expect(calendarDaysBetween(from, to)).toBe(days));
});

describe('counts by state', () => {
  it('lists every workflow state in order, zeros included', () => {
    const counts = countByState(['SUBMITTED', 'APPROVED', 'APPROVED', 'RETURNED']);
    expect(counts.map((c) => c.state)).toEqual([
      'DRAFT',
      'AWAITING_OPINION',
      'OPINION_GIVEN',
      'SUBMITTED',
      'RETURNED',
      'UNDER_APPRAISAL',
      'APPRAISED',
      'AWAITING_APPROVAL',
      'AWAITING_LISTING',
      'APPROVED',
      'WITHDRAWN',
      'SUPERSEDED',
    ]);
    expect(counts.find((c) => c.state === 'APPROVED')).toEqual({ state: 'APPROVED', label: 'Đã được phê duyệt', count: 2 });
    expect(counts.find((c) => c.state === 'DRAFT')!.count).toBe(0);
  });

  it('puts returned and under-appraisal dossiers under "Đã gửi thẩm định" in the Mẫu 08 words', () => {
    const counts = countByMau08Status([
      'DRAFT',
      'SUBMITTED',
      'RETURNED',
      'UNDER_APPRAISAL',
      'APPRAISED',
      'APPROVED',
      'WITHDRAWN',
      'SUPERSEDED',
    ]);
    expect(counts).toEqual([
      { status: 'DRAFTING', label: 'Đang dự thảo', count: 1 },
      { status: 'SUBMITTED', label: 'Đã gửi thẩm định', count: 3 },
      { status: 'APPRAISED', label: 'Đã thẩm định', count: 1 },
      { status: 'APPROVED', label: 'Đã được phê duyệt', count: 1 },
    ]);
  });

  it('ND331 Art. 20.1.d, 20.3: a level 4–5 dossier with the specialised unit is still drafting; one before the owner or the List is appraised', () => {
    expect(countByMau08Status(['AWAITING_OPINION', 'OPINION_GIVEN', 'AWAITING_APPROVAL', 'AWAITING_LISTING']).map((c) => c.count)).toEqual([
      2, 0, 2, 0,
    ]);
  });
});

describe('overdue by appraising body', () => {
  const police = { appraiserAgencyId: 'ca', appraiserName: 'Công an tỉnh Sơn La' };
  const department = { appraiserAgencyId: 'kh', appraiserName: 'Sở Khoa học và Công nghệ' };
  const row = (id: string, dueOn: string, body: typeof police, over: Partial<OverdueRow> = {}): OverdueRow => ({
    id,
    status: 'UNDER_APPRAISAL',
    dueOn,
    dueKind: 'APPRAISAL',
    systemName: `Hệ thống ${id}`,
    ownerName: 'Sở Xây dựng',
    ...body,
    ...over,
  });
  const weekdaysBetween = (from: string, to: string) => calendarDaysBetween(from, to);

  it('groups by body, the body with most overdue first, its oldest first; due today is not overdue yet', () => {
    const groups = groupOverdue(
      [
        row('a', '2026-11-20', police),
        row('b', '2026-10-01', police, { status: 'APPRAISED', dueKind: 'APPROVAL' }),
        row('c', '2026-11-01', department, { status: 'SUBMITTED', dueKind: 'VALIDITY' }),
        row('d', '2026-11-25', police),
      ],
      '2026-11-25',
      weekdaysBetween,
    );
    expect(groups.map((g) => [g.appraiserName, g.count])).toEqual([
      ['Công an tỉnh Sơn La', 2],
      ['Sở Khoa học và Công nghệ', 1],
    ]);
    expect(groups[0].oldestDueOn).toBe('2026-10-01');
    expect(groups[0].dossiers.map((d) => d.dossierId)).toEqual(['b', 'a']);
    expect(groups[0].byDueKind).toEqual({ VALIDITY: 0, APPRAISAL: 1, APPRAISAL_INTERNAL: 0, APPROVAL: 1 });
    expect(groups[0].dossiers[0]).toMatchObject({ stateLabel: 'Đã thẩm định', dueKindLabel: 'Hạn phê duyệt', workingDaysOverdue: 55 });
  });

  it('is empty when nothing is late', () => {
    expect(groupOverdue([row('a', '2026-12-01', police)], '2026-11-25', weekdaysBetween)).toEqual([]);
  });
});
