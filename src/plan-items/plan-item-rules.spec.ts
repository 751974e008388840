import { applyChange, byUrgency, isOverdue, PlanItemValues } from './plan-item-rules';

const open: PlanItemValues = { status: 'NOT_STARTED', plannedDate: '2027-03-31', reason: null, doneOn: null };

describe('Changing a plan item', () => {
  it('refuses "not applicable" without a reason (TT12 Art. 8.6; ND331 Art. 22.6: each requirement answered or explained)', () => {
    expect(applyChange(open, { status: 'NOT_APPLICABLE' }, '2026-12-06')).toEqual({
      ok: false,
      errors: { reason: ['bắt buộc khi hạng mục không áp dụng'] },
    });
    expect(applyChange(open, { status: 'NOT_APPLICABLE', reason: '   ' }, '2026-12-06')).toMatchObject({ ok: false });
    expect(applyChange(open, { status: 'NOT_APPLICABLE', reason: 'Hệ thống không có ứng dụng web' }, '2026-12-06')).toMatchObject({
      ok: true,
      values: { status: 'NOT_APPLICABLE', reason: 'Hệ thống không có ứng dụng web' },
    });
  });

  it('dates "done" on the day it is recorded, keeps that date on a later edit, and clears it when reopened', () => {
    const done = applyChange(open, { status: 'DONE' }, '2026-12-06');
    expect(done).toMatchObject({ ok: true, values: { status: 'DONE', doneOn: '2026-12-06' } });
    if (!done.ok) throw new Error('expected ok');
    expect(applyChange(done.values, { plannedDate: null }, '2027-01-10')).toMatchObject({ ok: true, values: { doneOn: '2026-12-06' } });
    expect(applyChange(done.values, { status: 'IN_PROGRESS' }, '2027-01-10')).toMatchObject({ ok: true, values: { doneOn: null } });
  });

  it('moves the planned date, or clears it with null, and keeps it when not sent', () => {
    expect(applyChange(open, { plannedDate: '2027-06-30' }, '2026-12-06')).toMatchObject({ values: { plannedDate: '2027-06-30' } });
    expect(applyChange(open, { plannedDate: null }, '2026-12-06')).toMatchObject({ values: { plannedDate: null } });
    expect(applyChange(open, { status: 'IN_PROGRESS' }, '2026-12-06')).toMatchObject({ values: { plannedDate: '2027-03-31' } });
  });
});

describe('Overdue and the order of the page (next thing to do first)', () => {
  it('is overdue only when still open and the planned date has passed', () => {
    expect(isOverdue({ status: 'NOT_STARTED', plannedDate: '2026-12-05' }, '2026-12-06')).toBe(true);
    expect(isOverdue({ status: 'IN_PROGRESS', plannedDate: '2026-12-06' }, '2026-12-06')).toBe(false);
    expect(isOverdue({ status: 'DONE', plannedDate: '2026-01-01' }, '2026-12-06')).toBe(false);
    expect(isOverdue({ status: 'NOT_STARTED', plannedDate: null }, '2026-12-06')).toBe(false);
  });

  it('puts overdue items first, then the nearest date, then undated open items, then done and not applicable', () => {
    const items = [
      { id: 'done', status: 'DONE' as const, plannedDate: null },
      { id: 'undated', status: 'NOT_STARTED' as const, plannedDate: null },
      { id: 'later', status: 'NOT_STARTED' as const, plannedDate: '2027-06-30' },
      { id: 'late', status: 'IN_PROGRESS' as const, plannedDate: '2026-11-30' },
      { id: 'soon', status: 'NOT_STARTED' as const, plannedDate: '2026-12-20' },
    ];
    expect(items.sort(byUrgency('2026-12-06')).map((i) => i.id)).toEqual(['late', 'soon', 'later', 'undated', 'done']);
  });
});
